"""The messages of the grader's protocol: who sends which frame, with which fields.

Three processes talk (framing in :mod:`grader.wire.protocol`):

- the supervisor (app) and a zygote, over the control socket — ``op`` frames
  (a portable worker says ``ready`` and is sent ``run`` over its channel):
  ``run`` (with the child's channel and output pipes attached) and ``kill``
  one way; ``ready`` (once, at start), ``started`` and ``ended`` the other;
- the supervisor and a sandboxed child, over the child's channel — ``type``
  frames: ``ready``, ``load_error``, ``sandbox_error``, ``run_done``,
  ``check`` and ``done`` from the child; ``go`` to it. A training run
  (mode ``train``) goes ``ready`` → ``go`` → ``built`` → ``train`` (the
  training split) → ``trained`` → ``test`` (the test inputs) → ``predicted``
  → ``done``; the supervisor answers ``built`` with ``stop`` instead of
  ``train`` when the model lacks a required module.

Every frame is built here, so that each field is named once.
"""

from __future__ import annotations

from typing import Any

from grader.text import Text
from grader.wire.protocol import Message

# control socket (supervisor <-> zygote)
RUN, KILL, READY, STARTED, ENDED = "run", "kill", "ready", "started", "ended"
# channel (supervisor <-> child); BODY is the first frame a zygote's child gets (its code)
BODY = "body"
LOAD_ERROR, SANDBOX_ERROR, RUN_DONE, GO, CHECK, DONE = (
    "load_error",
    "sandbox_error",
    "run_done",
    "go",
    "check",
    "done",
)
# channel, training runs (see grader.jobs.training)
BUILT, TRAIN, TRAINED, TEST, PREDICTED, STOP = (
    "built",
    "train",
    "trained",
    "test",
    "predicted",
    "stop",
)
# why the zygote stopped a run (``ended``'s ``reason``; ``kill``'s too)
STOP_REASONS = (
    "time",
    "cpu",
    "memory",
    "processes",
    "disk",
    "output",
    "cancelled",
    "tampering",
    "internal",
)


def op_of(frame: Message) -> Any:
    """What a control-socket frame asks or tells (``run``, ``kill``, ``ready``, ``started``, ``ended``)."""
    return frame.get("op")


def type_of(frame: Message) -> Any:
    """What a channel frame is (``ready``, ``load_error``, ``check``, ``done``, ``go``, …)."""
    return frame.get("type")


def run(
    job: int,
    *,
    mode: str,
    source: str,
    hidden: str,
    task_id: str,
    seed: int,
    time_limit_s: float,
    memory_mb: int,
    hidden_paths: list[str],
    cpu_limit_s: float | None = None,
    example: str = "",
) -> Message:
    return {
        "cpu_limit_s": cpu_limit_s,
        "example": example,
        "op": RUN,
        "job": job,
        "mode": mode,
        "source": source,
        "hidden": hidden,
        "task_id": task_id,
        "seed": seed,
        "time_limit_s": time_limit_s,
        "memory_mb": memory_mb,
        "hidden_paths": hidden_paths,
    }


def without_code(run_frame: Message, *, optimizers: bool) -> Message:
    """A ``run`` frame for a zygote: the code (source and hidden tests) left out, for it goes to
    the child over its own channel (:func:`body`). A zygote forks every student's child, so it
    must never hold a reference solution, a catalogued mistake or another student's code in
    its memory; ``optimizers`` says whether to warm the optimizers before forking."""
    return {**run_frame, "source": "", "hidden": "", "body": True, "optimizers": optimizers}


def body(source: str, hidden: str) -> Message:
    """The code of a run, sent by the supervisor straight to the child."""
    return {"type": BODY, "source": source, "hidden": hidden}


def kill(job: int, reason: str) -> Message:
    return {"op": KILL, "job": job, "reason": reason}


def zygote_ready(pid: int, landlock: int, subreaper: bool, threads: int) -> Message:
    return {
        "op": READY,
        "pid": pid,
        "landlock": landlock,
        "subreaper": subreaper,
        "threads": threads,
    }


def worker_ready(token: str, pid: int) -> Message:
    """A portable worker's first frame: warm, and holding the token it was started with."""
    return {"op": READY, "token": token, "pid": pid}


def started(job: Any, pid: int) -> Message:
    return {"op": STARTED, "job": job, "pid": pid}


def ended(
    job: Any,
    *,
    reason: str | None,
    exit_code: int | None = None,
    signal: int | None = None,
    cpu_s: float = 0.0,
    wall_s: float = 0.0,
    peak_mb: float = 0.0,
    leftovers: int = 0,
    trash: str | None = None,
    detail: str = "",
) -> Message:
    return {
        "op": ENDED,
        "job": job,
        "reason": reason,
        "exit_code": exit_code,
        "signal": signal,
        "cpu_s": cpu_s,
        "wall_s": wall_s,
        "peak_mb": peak_mb,
        "leftovers": leftovers,
        "trash": trash,  # a big working folder the supervisor removes (the zygote moves on)
        "detail": detail,
    }


def child_ready() -> Message:
    return {"type": READY}


def await_go(channel: Any) -> Message | None:
    """The child's side of the start: say ``ready``, wait for ``go`` and return it (None if
    the supervisor answered anything else or went away)."""
    channel.send(child_ready())
    go: Message | None = channel.receive()
    if go is None or type_of(go) != GO:
        return None
    return go


def load_error(error: Text) -> Message:
    return {"type": LOAD_ERROR, "error": error}


def sandbox_error(error: str) -> Message:
    return {"type": SANDBOX_ERROR, "error": error}


def run_done(error: Text | None, notes: list[Text] | None = None) -> Message:
    return {"type": RUN_DONE, "error": error, "notes": notes or []}


def go(nonce: str, exports: dict[str, Any]) -> Message:
    return {"type": GO, "nonce": nonce, "exports": exports}


def check(nonce: Any, record: dict[str, Any]) -> Message:
    return {"type": CHECK, "nonce": nonce, "check": record}


def done(
    nonce: Any,
    *,
    exports: dict[str, Any],
    stopped_by: str | None,
    fatal: Text | None,
    memory_hit: bool,
    watch: dict[str, Any] | None = None,
    fault: dict[str, Any] | None = None,
) -> Message:
    """The end of a run; a training run adds what it saw of the training (``watch``, see
    grader.inside.training_watch) and what its exception looked like (``fault``)."""
    frame = {
        "type": DONE,
        "nonce": nonce,
        "exports": exports,
        "stopped_by": stopped_by,
        "fatal": fatal,
        "memory_hit": memory_hit,
    }
    if watch is not None:
        frame["watch"] = watch
    if fault is not None:
        frame["fault"] = fault
    return frame


def built(nonce: Any, *, modules: list[str], parameters: int) -> Message:
    return {"type": BUILT, "nonce": nonce, "modules": modules, "parameters": parameters}


def train(x: dict[str, Any], y: dict[str, Any]) -> Message:
    return {"type": TRAIN, "x": x, "y": y}


def stop() -> Message:
    return {"type": STOP}


def trained(nonce: Any, *, cpu_s: float, changed: bool, finite: bool) -> Message:
    return {"type": TRAINED, "nonce": nonce, "cpu_s": cpu_s, "changed": changed, "finite": finite}


def inputs(x: dict[str, Any]) -> Message:
    return {"type": TEST, "x": x}


def predicted(nonce: Any, predictions: list[Any]) -> Message:
    return {"type": PREDICTED, "nonce": nonce, "predictions": predictions}

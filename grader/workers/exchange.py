"""The exchange with a sandboxed child over its channel, whatever carries it.

Both backends hold the same exchange (:mod:`grader.wire.frames`): the child
says ``ready`` once the submission is loaded, is answered ``go`` with a fresh
nonce, and then streams ``check`` frames and one ``done``, each carrying the
nonce. Frames out of this order, without the nonce, repeated or malformed are
tampering, and the run is killed. How bytes reach the child and how a run is
killed is the backend's (:class:`grader.workers.session.Session` on Linux,
:class:`grader.workers.portable.PortableSession` elsewhere).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import secrets
from dataclasses import dataclass, field
from typing import Any

from grader.sandbox.limits import MB, OUTPUT_LIMIT_MB
from grader.text import Text, as_text, in_lang
from grader.verdict.messages import msg
from grader.verdict.outcome import Capture, Outcome
from grader.wire import frames, protocol

log = logging.getLogger(__name__)


@dataclass
class RunSpec:
    """What to run: one source in one mode, with a task's limits and hidden tests."""

    mode: str  # "grade", "reference" or "run"
    source: str
    task_id: str
    time_limit_s: float
    memory_mb: int
    hidden: str = ""
    seed: int = 0
    hidden_paths: list[str] = field(default_factory=list)
    exports: dict[str, Any] = field(default_factory=dict)
    cpu_limit_s: float | None = None
    conversation: Any = None  # mode "train": a grader.jobs.training.Conversation
    example: str = ""  # mode "run": the prompt's examples (grader.inside.examples.encode)
    name: str = ""  # the submission's file name, for the log only (never sent)

    @property
    def label(self) -> str:
        """The run as the log names it: mode, task and file."""
        return f"{self.mode} {self.task_id or '-'} {self.name or '-'}"

    def zygote_frame(self, job_id: int) -> dict[str, Any]:
        """The ``run`` frame for a zygote, without the code (see :func:`grader.wire.frames.without_code`)."""
        from grader.inside.runtime import needs_optimizers

        optimizers = needs_optimizers(self.source, self.hidden)
        return frames.without_code(self.run_frame(job_id), optimizers=optimizers)

    def body_frame(self) -> dict[str, Any]:
        return frames.body(self.source, self.hidden)

    def run_frame(self, job_id: int) -> dict[str, Any]:
        """The ``run`` frame that hands this spec to a worker."""
        return frames.run(
            job_id,
            mode=self.mode,
            source=self.source,
            hidden=self.hidden,
            task_id=self.task_id,
            seed=self.seed,
            time_limit_s=self.time_limit_s,
            memory_mb=self.memory_mb,
            hidden_paths=self.hidden_paths,
            cpu_limit_s=self.cpu_limit_s,
            example=self.example,
        )


LIMITS = ("time", "cpu", "memory", "disk", "output", "processes")


def log_end(spec: RunSpec, outcome: Outcome) -> None:
    """Log how a run ended when it was stopped: a limit hit, or its worker failing."""
    if outcome.reason in LIMITS:
        log.info("%s: %s limit hit, the run was killed", spec.label, outcome.reason)
    if outcome.worker_failure:
        log.warning("%s: the worker failed: %s", spec.label, in_lang(outcome.worker_failure, "en"))


class Exchange:
    """The protocol state of one run, fed with the bytes its channel delivers."""

    _ids = itertools.count(1)

    def __init__(self, spec: RunSpec) -> None:
        self.job_id = next(Exchange._ids)
        self.label = f"job {self.job_id} ({spec.label})"
        self.spec = spec
        self.outcome = Outcome(
            mode=spec.mode, time_limit_s=spec.time_limit_s, memory_mb=spec.memory_mb
        )
        self.nonce = secrets.token_hex(16)
        self.state = "load"
        self.seen_checks: set[str] = set()
        self.reader = protocol.FrameReader()
        self.kill_sent = False
        self.train_cpu_mark: float | None = None

    def _send_to_child(self, data: bytes) -> None:
        """Write to the child's channel (raises OSError when it is gone)."""
        raise NotImplementedError

    def _request_kill(self, reason: str) -> None:
        """Have the run killed for ``reason`` (one of :data:`grader.wire.frames.STOP_REASONS`)."""
        raise NotImplementedError

    def _tree_cpu_s(self) -> float | None:
        """CPU seconds of the run's whole process tree so far, measured from outside (None
        where the backend cannot): what a training run's CPU time is taken from."""
        return None

    # -- the channel ---------------------------------------------------------------

    def _tamper(self, why: Text) -> None:
        if self.outcome.tampering is None:
            self.outcome.tampering = why
            log.warning("%s: tampering: %s", self.label, in_lang(why, "en"))
        self._kill("tampering")

    def _kill(self, reason: str) -> None:
        if self.kill_sent:
            return
        self.kill_sent = True
        self._request_kill(reason)

    def _converse(self, frame: dict[str, Any]) -> None:
        """A training run's frame: the conversation decides the reply (see grader.jobs.training)."""
        conversation = self.spec.conversation
        reply, problem = conversation.on_frame(frame, self.nonce)
        if problem is not None:
            self._tamper(problem)
            return
        if frames.type_of(frame) == frames.TRAINED and self.train_cpu_mark is not None:
            now = self._tree_cpu_s()
            if now is not None:
                conversation.measured_cpu_s = round(max(0.0, now - self.train_cpu_mark), 3)
        if reply is not None and frames.type_of(reply) == frames.TRAIN:
            self.train_cpu_mark = self._tree_cpu_s()  # the clock starts as train() is sent
        if frames.type_of(frame) == frames.READY:
            self.outcome.ready = True
            self.state = "probe"
        if reply is not None:
            with contextlib.suppress(OSError):  # the child is gone; its exit tells the rest
                self._send_to_child(protocol.encode(reply))
        if conversation.state == "finished":
            self.outcome.done = conversation.done
            self.state = "finished"

    def _on_frame(self, frame: dict[str, Any]) -> None:
        kind = frames.type_of(frame)
        out = self.outcome
        loading = kind in (frames.LOAD_ERROR, frames.SANDBOX_ERROR)
        if self.spec.conversation is not None and not (self.state == "load" and loading):
            self._converse(frame)
            return
        if self.state == "load" and kind == frames.READY and self.spec.mode != "run":
            out.ready = True
            self.state = "probe"
            go = frames.go(self.nonce, self.spec.exports)
            with contextlib.suppress(OSError):  # the child is gone; its exit tells the rest
                self._send_to_child(protocol.encode(go))
        elif self.state == "load" and kind == frames.LOAD_ERROR:
            out.load_error = as_text(frame.get("error"))
            self.state = "finished"
        elif self.state == "load" and kind == frames.SANDBOX_ERROR:
            error = frame.get("error")
            out.sandbox_error = error[:1000] if isinstance(error, str) else "unknown error"
            self.state = "finished"
        elif self.state == "load" and kind == frames.RUN_DONE and self.spec.mode == "run":
            out.run_done = frame
            self.state = "finished"
        elif self.state == "probe" and kind in (frames.CHECK, frames.DONE):
            if frame.get("nonce") != self.nonce:
                self._tamper(msg("tamper_no_nonce"))
            elif kind == frames.CHECK:
                check = frame.get("check")
                name = check.get("name") if isinstance(check, dict) else None
                if (
                    not isinstance(check, dict)
                    or not isinstance(name, str)
                    or name in self.seen_checks
                ):
                    self._tamper(msg("tamper_duplicate"))
                else:
                    self.seen_checks.add(name)
                    out.checks.append(check)
            else:
                out.done = frame
                self.state = "finished"
        else:
            self._tamper(msg("tamper_unexpected", kind=repr(str(kind)[:20])))

    def _on_channel(self, data: bytes) -> None:
        if self.state == "finished" and data:
            self._tamper(msg("tamper_after_end"))
            return
        try:
            frames = self.reader.feed(data)
        except protocol.ProtocolError as exc:
            self._tamper(msg("tamper_bad_frame", detail=exc))
            return
        for frame in frames:
            if self.outcome.tampering:
                break
            self._on_frame(frame)

    def _from_channel(self, data: bytes) -> bool:
        """Bytes from the child's channel; False at its end (half a frame left is tampering)."""
        if data:
            self._on_channel(data)
            return True
        if self.reader.pending:
            self._tamper(msg("tamper_partial_frame"))
        return False

    def _from_output(self, capture: Capture, data: bytes) -> None:
        """Bytes the run printed; printing past the output limit kills it."""
        capture.add(data)
        if self.outcome.stdout.total + self.outcome.stderr.total > OUTPUT_LIMIT_MB * MB:
            self._kill("output")

"""The body of one sandboxed run: a child forked from the zygote, or a portable worker.

After confining itself (:mod:`grader.sandbox.confine`) the child loads the submission
as a module and then, depending on the mode:

- ``grade`` / ``reference``: says ``ready``, waits for ``go`` (which carries
  the nonce and the reference's exports), runs the task's probe and streams
  one ``check`` frame per check and a final ``done`` frame, each with the nonce;
- ``run``: runs the code as ``__main__`` and reports ``run_done`` with the
  error, if any (the editor's "run only").

It decides nothing: the supervisor judges what it reports. Everything it
relies on after student code ran was captured at import time.
"""

from __future__ import annotations

import builtins
import functools
import os
import sys
import types
from collections.abc import Callable
from typing import Any, NoReturn

from grader.inside import example_run, layertrace, tracebacks, training_child
from grader.inside.checking import ProbeError, Stop
from grader.inside.examples import decode as decode_examples
from grader.probe import Probe
from grader.sandbox import confine as sandbox
from grader.sandbox.limits import Limits
from grader.text import Text
from grader.verdict.messages import memory_limit, msg, same
from grader.wire import frames, protocol

_EXIT = os._exit
_WRITE = os.write
_READ = os.read
_ENCODE = protocol.encode
_FrameReader = protocol.FrameReader
_CHECK_FRAME, _DONE_FRAME = frames.check, frames.done


class Channel:
    """The child's end of its channel: frames out, frames in, through two captured calls."""

    def __init__(self, write: Callable[[memoryview], int], read: Callable[[int], bytes]) -> None:
        self.write = write
        self.read = read
        self.reader = _FrameReader()

    @classmethod
    def over_fd(cls, fd: int) -> Channel:
        return cls(functools.partial(_WRITE, fd), functools.partial(_READ, fd))

    def send(self, message: dict[str, Any]) -> None:
        data = memoryview(_ENCODE(message))
        while data:
            written = self.write(data)
            data = data[written:]

    def receive(self) -> dict[str, Any] | None:
        while True:
            chunk = self.read(1 << 16)
            if not chunk:
                return None
            frames = self.reader.feed(chunk)
            if frames:
                return frames[0]


def main(
    job: dict[str, Any],
    *,
    zygote_pid: int,
    fds: list[int],
    workdir: str,
    limits: Limits,
    confinement: sandbox.Confinement,
) -> NoReturn:
    channel_fd, stdout_fd, stderr_fd = fds
    try:
        sandbox.enter(
            zygote_pid=zygote_pid,
            channel=channel_fd,
            stdout=stdout_fd,
            stderr=stderr_fd,
            workdir=workdir,
            limits=limits,
            confinement=confinement,
        )
    except BaseException as exc:
        fd = sandbox.CHANNEL_FD if sandbox.arranged() else channel_fd
        try:
            Channel.over_fd(fd).send(frames.sandbox_error(f"{type(exc).__name__}: {exc}"))
        finally:
            _EXIT(71)
    channel = Channel.over_fd(sandbox.CHANNEL_FD)
    if job.get("body"):  # the code comes over the channel: the zygote never holds it
        body = channel.receive()
        if body is None or frames.type_of(body) != frames.BODY:
            _EXIT(73)
        job = {**job, "source": str(body["source"]), "hidden": str(body["hidden"])}
    run_job(job, channel)


def run_job(job: dict[str, Any], channel: Channel) -> NoReturn:
    """Run the submission as ``job`` says, report on ``channel`` and end the process."""
    try:
        if job["mode"] == "run":
            _run(job, channel)
        elif job["mode"] == "train":
            _train(job, channel)
        else:
            _grade(job, channel)
    except BaseException:
        _EXIT(72)
    _EXIT(0)


def _compile(source: str) -> tuple[types.CodeType | None, SyntaxError | None]:
    try:
        return compile(source, tracebacks.SUBMISSION, "exec", dont_inherit=True), None
    except SyntaxError as exc:
        return None, exc
    except (ValueError, RecursionError, MemoryError) as exc:  # null bytes, absurd nesting
        return None, SyntaxError(str(exc))


def _new_module(name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__dict__.update({"__file__": tracebacks.SUBMISSION, "__builtins__": builtins})
    sys.modules[name] = module
    return module


def _load(job: dict[str, Any], channel: Channel) -> types.ModuleType | None:
    """Compile and run the submission as a module; on failure report ``load_error``."""
    tracebacks.register_source(job["source"])
    code, syntax = _compile(job["source"])
    if syntax is not None or code is None:
        channel.send(frames.load_error(tracebacks.describe_syntax_error(syntax or SyntaxError())))
        return None
    module = _new_module("submission")
    try:
        exec(code, module.__dict__)
    except BaseException as exc:
        if type(exc) is SystemExit:
            error = msg("exited_before_tests", how=msg("exit_called"))
        else:
            error = tracebacks.describe(exc, int(job["memory_mb"]))
        channel.send(frames.load_error(error))
        return None
    return module


def _train(job: dict[str, Any], channel: Channel) -> None:
    import torch.nn.functional

    training_child.WATCH.install(torch.nn.functional)  # before the file imports a loss
    module = _load(job, channel)
    if module is not None:
        training_child.run(module.__dict__, channel, int(job["memory_mb"]))


def _grade(job: dict[str, Any], channel: Channel) -> None:
    memory_mb = int(job["memory_mb"])
    hidden: dict[str, Any] = {"__name__": "hidden_tests", "__builtins__": builtins}
    # The source itself is dropped once compiled: student code need not find it lying around.
    exec(compile(job.pop("hidden"), "hidden_tests.py", "exec", dont_inherit=True), hidden)

    layertrace.TRACER.install()
    module = _load(job, channel)
    if module is None:
        return

    go = frames.await_go(channel)
    if go is None:
        return
    nonce = go.get("nonce")

    def emit(record: dict[str, Any]) -> None:
        channel.send(_CHECK_FRAME(nonce, record))

    probe = Probe(
        module.__dict__,
        reference=job["mode"] == "reference",
        exports=go.get("exports") or {},
        seed=int(job["seed"]),
        emit=emit,
        memory_mb=memory_mb,
    )
    fatal: Text | None = None
    try:
        hidden["probe"](probe)
    except Stop:
        pass
    except ProbeError as exc:
        fatal = msg("hidden_broken", detail=exc)
    except BaseException as exc:
        fatal = tracebacks.describe(exc, memory_mb)
    channel.send(
        _DONE_FRAME(
            nonce,
            exports=probe.exports,
            stopped_by=probe.stopped_by,
            fatal=fatal,
            memory_hit=probe.memory_hit,
        )
    )


def _run(job: dict[str, Any], channel: Channel) -> None:
    error: Text | None
    tracebacks.register_source(job["source"])
    code, syntax = _compile(job["source"])
    if syntax is not None or code is None:
        channel.send(frames.run_done(same(tracebacks.format_for_run(syntax or SyntaxError()))))
        return
    module = _new_module("__main__")
    error = None
    try:
        exec(code, module.__dict__)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            error = msg("run_exit_status", code=repr(exc.code))
    except BaseException as exc:
        if tracebacks.is_out_of_memory(exc):
            error = memory_limit(int(job["memory_mb"]))
        else:
            error = same(tracebacks.format_for_run(exc))
    notes: list[Text] = []
    examples = decode_examples(str(job.get("example") or ""))
    if error is None and examples:
        try:
            notes = example_run.run(module.__dict__, examples)
        except BaseException:
            notes = []
    channel.send(frames.run_done(error, notes))

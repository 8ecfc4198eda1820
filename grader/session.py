"""One sandboxed run as the supervisor conducts it: send, listen, enforce, collect.

The supervisor holds the other ends of the child's channel and output pipes
and the zygote's control socket, and multiplexes them until the zygote
reports the end and every stream is closed. It answers ``ready`` with the
nonce, accepts frames only in protocol order, caps the output and asks the
zygote to kill the run on tampering, an output flood or cancellation. If the
zygote itself dies or stops answering, the run fails with a clear reason and
the worker is restarted by its dispatcher.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import secrets
import selectors
import socket
import time
from dataclasses import dataclass, field
from typing import Any

from . import frames, protocol
from .limits import GRACE_S, MB, OUTPUT_LIMIT_MB
from .messages import msg
from .outcome import Outcome
from .text import Text, as_text, in_lang
from .worker import Worker

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
    conversation: Any = None  # mode "train": a grader.training.Conversation


class Session:
    """Conducts one run on one worker; :meth:`run` returns the :class:`Outcome`."""

    _ids = itertools.count(1)

    def __init__(self, worker: Worker, spec: RunSpec, wake_fd: int | None = None) -> None:
        self.job_id = next(Session._ids)
        self.worker = worker
        self.spec = spec
        self.wake_fd = wake_fd
        self.outcome = Outcome(
            mode=spec.mode, time_limit_s=spec.time_limit_s, memory_mb=spec.memory_mb
        )
        self.nonce = secrets.token_hex(16)
        self.state = "load"
        self.seen_checks: set[str] = set()
        self.reader = protocol.FrameReader()
        self.kill_sent = False
        self.channel: socket.socket | None = None

    # -- the channel ---------------------------------------------------------------

    def _tamper(self, why: Text) -> None:
        if self.outcome.tampering is None:
            self.outcome.tampering = why
            log.warning("job %s: tampering: %s", self.job_id, in_lang(why, "en"))
        self._kill("tampering")

    def _kill(self, reason: str) -> None:
        if self.kill_sent:
            return
        self.kill_sent = True
        with contextlib.suppress(OSError, Exception):
            self.worker.send(frames.kill(self.job_id, reason))

    def _converse(self, frame: dict[str, Any]) -> None:
        """A training run's frame: the conversation decides the reply (see grader.training)."""
        conversation = self.spec.conversation
        reply, problem = conversation.on_frame(frame, self.nonce)
        if problem is not None:
            self._tamper(problem)
            return
        if frames.type_of(frame) == frames.READY:
            self.outcome.ready = True
            self.state = "probe"
        if reply is not None:
            assert self.channel is not None
            with contextlib.suppress(OSError):  # the child is gone; its exit tells the rest
                self.channel.sendall(protocol.encode(reply))
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
            assert self.channel is not None
            with contextlib.suppress(OSError):  # the child is gone; its exit tells the rest
                self.channel.sendall(protocol.encode(go))
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

    # -- the zygote ----------------------------------------------------------------

    def _on_control(self) -> bool:
        """Read the zygote's frames; False when it died."""
        assert self.worker.sock is not None and self.worker.rx is not None
        try:
            data = self.worker.sock.recv(1 << 16)
        except OSError:
            data = b""
        if not data:
            return False
        try:
            received = self.worker.rx.reader.feed(data)
        except protocol.ProtocolError:
            return False
        for frame in received:
            if frames.op_of(frame) == frames.ENDED and frame.get("job") == self.job_id:
                self.outcome.ended = frame
        return True

    # -- the run -------------------------------------------------------------------

    def run(self) -> Outcome:
        spec, out = self.spec, self.outcome
        started = time.monotonic()
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        self.channel = parent
        message = frames.run(
            self.job_id,
            mode=spec.mode,
            source=spec.source,
            hidden=spec.hidden,
            task_id=spec.task_id,
            seed=spec.seed,
            time_limit_s=spec.time_limit_s,
            memory_mb=spec.memory_mb,
            hidden_paths=spec.hidden_paths,
            cpu_limit_s=spec.cpu_limit_s,
        )
        try:
            self.worker.send(message, fds=[child.fileno(), out_w, err_w])
        except (OSError, Exception) as exc:
            log.warning("job %s: cannot send the run to the worker: %s", self.job_id, exc)
            out.worker_failure = msg("worker_unavailable", detail=exc)
            for fd in (out_r, err_r):
                os.close(fd)
            parent.close()
            return out
        finally:
            child.close()
            os.close(out_w)
            os.close(err_w)

        streams = {out_r: out.stdout, err_r: out.stderr}
        open_streams = {"channel", out_r, err_r}
        deadline = started + spec.time_limit_s + GRACE_S
        assert self.worker.sock is not None
        with selectors.DefaultSelector() as selector:
            selector.register(parent, selectors.EVENT_READ, "channel")
            selector.register(out_r, selectors.EVENT_READ, out_r)
            selector.register(err_r, selectors.EVENT_READ, err_r)
            selector.register(self.worker.sock, selectors.EVENT_READ, "control")
            if self.wake_fd is not None:
                selector.register(self.wake_fd, selectors.EVENT_READ, "wake")
            while out.ended is None or open_streams:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    log.warning("job %s: the worker stopped answering", self.job_id)
                    out.worker_failure = msg("worker_stuck")
                    self.worker.stop()
                    break
                for key, _mask in selector.select(min(remaining, 1.0)):
                    tag = key.data
                    if tag == "channel":
                        try:
                            data = parent.recv(1 << 16)
                        except OSError:
                            data = b""
                        if data:
                            self._on_channel(data)
                        else:
                            if self.reader.pending:
                                self._tamper(msg("tamper_partial_frame"))
                            selector.unregister(parent)
                            open_streams.discard("channel")
                    elif tag == "control":
                        if not self._on_control():
                            log.warning("job %s: the worker died", self.job_id)
                            out.worker_failure = msg("worker_died")
                            self.worker.stop()
                            open_streams.clear()
                            out.ended = out.ended or {}
                            break
                    elif tag == "wake":
                        with contextlib.suppress(OSError):
                            os.read(self.wake_fd or -1, 64)
                        self._kill("cancelled")
                    else:
                        data = os.read(tag, 1 << 16)
                        if data:
                            streams[tag].add(data)
                            if out.stdout.total + out.stderr.total > OUTPUT_LIMIT_MB * MB:
                                self._kill("output")
                        else:
                            selector.unregister(tag)
                            open_streams.discard(tag)
                if out.worker_failure:
                    break
        parent.close()
        os.close(out_r)
        os.close(err_r)
        out.duration_s = time.monotonic() - started
        return out

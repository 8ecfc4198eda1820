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
import logging
import os
import selectors
import socket
import time

from grader.sandbox import procs
from grader.sandbox.limits import GRACE_S, remove_trash_later
from grader.verdict.messages import msg
from grader.verdict.outcome import Outcome
from grader.wire import frames, protocol
from grader.workers.exchange import Exchange, RunSpec
from grader.workers.worker import Worker

log = logging.getLogger(__name__)


class Session(Exchange):
    """Conducts one run on one zygote; :meth:`run` returns the :class:`Outcome`."""

    def __init__(self, worker: Worker, spec: RunSpec, wake_fd: int | None = None) -> None:
        super().__init__(spec)
        self.worker = worker
        self.wake_fd = wake_fd
        self.channel: socket.socket | None = None

    def _send_to_child(self, data: bytes) -> None:
        assert self.channel is not None
        self.channel.sendall(data)

    def _send_body(self, parent: socket.socket) -> None:
        """The code goes straight to the child, never through the zygote. A child that dies
        before reading it is told by its exit; a zygote that never forks is killed by time."""
        parent.settimeout(self.spec.time_limit_s + GRACE_S)
        try:
            parent.sendall(protocol.encode(self.spec.body_frame()))
        except OSError as exc:
            log.info("%s: the child did not take its code: %s", self.label, exc)
        finally:
            parent.settimeout(None)

    def _tree_cpu_s(self) -> float | None:
        pid = self.worker.info.get("pid")
        return procs.tree_cpu_s(int(pid)) if isinstance(pid, int) else None

    def _request_kill(self, reason: str) -> None:
        with contextlib.suppress(OSError, Exception):
            self.worker.send(frames.kill(self.job_id, reason))

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
                remove_trash_later(frame.get("trash"))
        return True

    # -- the run -------------------------------------------------------------------

    def run(self) -> Outcome:
        spec, out = self.spec, self.outcome
        started = time.monotonic()
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        self.channel = parent
        message = spec.zygote_frame(self.job_id)
        try:
            self.worker.send(message, fds=[child.fileno(), out_w, err_w])
            self._send_body(parent)
        except (OSError, Exception) as exc:
            log.warning("%s: cannot send the run to the worker: %s", self.label, exc)
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
                    log.warning("%s: the worker stopped answering", self.label)
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
                        if not self._from_channel(data):
                            selector.unregister(parent)
                            open_streams.discard("channel")
                    elif tag == "control":
                        if not self._on_control():
                            log.warning("%s: the worker died", self.label)
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
                            self._from_output(streams[tag], data)
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

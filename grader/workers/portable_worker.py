"""A single-use worker of the portable backend, as the app holds it: spawn, greet, stop.

The worker (:mod:`grader.workers.spawned`) is a fresh interpreter in its own empty folder and
process group; it connects back to a one-shot local socket with its token, imports torch and
warms up while the app does other things. :class:`Spawned` is the app's end of it; the run
itself is conducted by :class:`grader.workers.portable.PortableSession`.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from typing import IO, Any

import psutil

from grader.sandbox.proctree import Tree
from grader.verdict.messages import msg
from grader.wire import frames, protocol
from grader.workers.worker import (
    START_TIMEOUT_S,
    STARTING,
    WorkerError,
    register_worker,
    unregister_worker,
    zygote_env,
)

ACCEPT_POLL_S = 0.1

log = logging.getLogger(__name__)


def _own_group() -> dict[str, Any]:
    """Popen options that give the worker a process group of its own (killed as one)."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


class Spawned:
    """One single-use worker: started at once, ready once torch is warm, stopped after its job."""

    def __init__(self, python: str, *, optimizers: bool = False) -> None:
        self.marker = secrets.token_hex(8)
        self.token = secrets.token_hex(16)
        self.workdir = tempfile.mkdtemp(prefix="quizapp-sandbox-")
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.sock: socket.socket | None = None
        self.pid = 0
        self._ready_lock = threading.Lock()
        port = self.listener.getsockname()[1]
        STARTING.acquire()  # released once the new worker is registered
        try:
            self.process: subprocess.Popen[bytes] = subprocess.Popen(
                [python, "-P", "-m", "grader.workers.spawned", str(port)]
                + (["--optimizers"] if optimizers else []),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=zygote_env(self.marker),
                cwd=self.workdir,
                **_own_group(),
            )
            register_worker(self.process.pid)
        except OSError as exc:
            self._release()
            log.error("cannot start a grading worker: %s", exc)
            raise WorkerError(msg("worker_no_start", detail=exc)) from None
        finally:
            STARTING.release()
        assert self.process.stdin is not None
        with contextlib.suppress(OSError):
            self.process.stdin.write(f"{self.token}\n".encode())
            self.process.stdin.close()

    def wait_ready(self, timeout: float = START_TIMEOUT_S) -> None:
        """Wait until the worker has torch warm and has called back with its token."""
        with self._ready_lock:
            if self.sock is None:
                self._accept(timeout)

    def _accept(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        self.listener.settimeout(ACCEPT_POLL_S)
        while time.monotonic() < deadline:
            try:
                conn, _addr = self.listener.accept()
            except TimeoutError:
                if self.process.poll() is not None:
                    detail = self._stderr_tail() or msg("no_detail")
                    log.error("the grading worker failed to start: %s", detail)
                    raise WorkerError(msg("worker_start_failed", detail=detail)) from None
                continue
            hello = self._hello(conn, deadline)
            if hello is not None:
                self.sock, self.pid = conn, int(hello.get("pid") or self.process.pid)
                self.listener.close()
                return
            conn.close()  # someone else knocked: keep waiting for our worker
        log.error("the grading worker did not start in %s s", timeout)
        raise WorkerError(msg("worker_start_timeout"))

    def _hello(self, conn: socket.socket, deadline: float) -> dict[str, Any] | None:
        reader = protocol.FrameReader(max_frame=4096)
        conn.settimeout(max(0.1, deadline - time.monotonic()))
        try:
            while True:
                data = conn.recv(4096)
                if not data:
                    return None
                found = reader.feed(data)
                if found:
                    hello = found[0]
                    break
        except (OSError, protocol.ProtocolError):
            return None
        conn.settimeout(None)
        ok = frames.op_of(hello) == frames.READY and hello.get("token") == self.token
        return hello if ok else None

    def _stderr_tail(self) -> str:
        with contextlib.suppress(OSError, ValueError, subprocess.TimeoutExpired):
            _out, err = self.process.communicate(timeout=5)
            lines = err.decode("utf-8", "replace").strip().splitlines()
            return lines[-1] if lines else ""
        return ""

    def stop(self) -> int:
        """Kill the worker and its whole tree; returns how many of its processes were left."""
        left = 0
        with contextlib.suppress(psutil.Error):
            left = Tree(self.process.pid, self.marker).kill_all()
        with contextlib.suppress(OSError):
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        unregister_worker(self.process.pid)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                _close_soon(stream)
        self._release()
        return left

    def _release(self) -> None:
        for sock in (self.sock, self.listener):
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.close()
        self.sock = None
        shutil.rmtree(self.workdir, ignore_errors=True)


def _close_soon(stream: IO[bytes]) -> None:
    """Close a worker's output pipe without waiting on it.

    A session's reader thread may be blocked reading it, holding the stream's lock, for as
    long as any process still holds the pipe's other end: one that escaped the worker's
    tree (a fork-hopper, or a daemon on a system without a subreaper) until the sweep or
    its own end. Closing here would wait for that, and hold up every file after this one;
    a daemon thread closes it when the reader lets go."""

    def close() -> None:
        with contextlib.suppress(OSError, ValueError):
            stream.close()

    threading.Thread(target=close, name="close-worker-pipe", daemon=True).start()

"""One zygote process as the supervisor sees it: start, talk, restart, kill.

The zygote gets a minimal environment (no API keys of the user's shell reach
student code), one thread per pool, no GPU (:mod:`grader.inside.runtime`), and a marker variable that every process
it forks inherits, so that strays can be found in /proc should a zygote die.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, Any

from grader.inside.runtime import HIDDEN_GPUS
from grader.verdict.messages import TextError, msg
from grader.wire import frames, protocol

PASSED_ENV = (
    "PATH",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "TZ",
    "TMPDIR",
    "QUIZAPP_NO_LANDLOCK",
    "QUIZAPP_ZYGOTE_WARM_UP",
    "SYSTEMROOT",  # Windows: Python cannot start its sockets or random numbers without it
    "WINDIR",
)
START_TIMEOUT_S = 120.0
MARKER = "QUIZAPP_WORKER_MARK"

log = logging.getLogger(__name__)


_OWN: set[int] = set()  # the workers (zygotes, portable workers) this process started
# held while a worker is started and registered, and while strays are told apart from workers:
# a worker started in between would look like a stray
STARTING = threading.RLock()
_OWN_LOCK = STARTING


def register_worker(pid: int) -> None:
    with _OWN_LOCK:
        _OWN.add(pid)


def unregister_worker(pid: int) -> None:
    with _OWN_LOCK:
        _OWN.discard(pid)


def own_workers() -> set[int]:
    """The grading workers this process started and has not stopped yet (never strays)."""
    with _OWN_LOCK:
        return set(_OWN)


class WorkerError(TextError):
    """The zygote could not be started or stopped answering."""


def _package_root() -> str:
    return str(Path(__file__).resolve().parents[2])  # grader/workers/worker.py -> the root


def zygote_env(marker: str, *, landlock: bool = True) -> dict[str, str]:
    """The environment of a grading worker (either backend's): a few harmless variables of
    the user's, one thread per pool, every GPU hidden, and the worker's marker."""
    env = {k: v for k, v in os.environ.items() if k in PASSED_ENV}
    if not landlock:
        env["QUIZAPP_NO_LANDLOCK"] = "1"
    env.update(
        {
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONPATH": _package_root(),
            MARKER: marker,
            **HIDDEN_GPUS,
        }
    )
    return env


class Worker:
    """A zygote and its control socket; used by one dispatcher thread at a time."""

    def __init__(self, python: str | None = None, *, landlock: bool = True) -> None:
        self.python = python or sys.executable
        self.landlock = landlock
        self.process: subprocess.Popen[bytes] | None = None
        self.sock: socket.socket | None = None
        self.rx: protocol.FdReceiver | None = None
        self.info: dict[str, Any] = {}
        self.marker = ""
        self._stderr: IO[bytes] | None = None

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None and self.sock is not None

    def start(self) -> None:
        """Start the zygote and wait until torch is imported and warm."""
        self.stop()
        log.info("starting a grading worker (%s)", self.python)
        self.marker = secrets.token_hex(8)
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the zygote
        STARTING.acquire()  # released once the new worker is registered
        try:
            self.process = subprocess.Popen(
                [self.python, "-P", "-m", "grader.workers.zygote", str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self._stderr,
                env=zygote_env(self.marker, landlock=self.landlock),
                cwd=tempfile.gettempdir(),
                start_new_session=True,
            )
            register_worker(self.process.pid)
        except OSError as exc:
            mine.close()
            log.error("cannot start a grading worker: %s", exc)
            raise WorkerError(msg("worker_no_start", detail=exc)) from None
        finally:
            STARTING.release()
            theirs.close()
        self.sock = mine
        self.rx = protocol.FdReceiver(mine)
        ready = self._wait_ready()
        self.info = ready

    def _wait_ready(self) -> dict[str, Any]:
        assert self.sock is not None and self.rx is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self.sock, selectors.EVENT_READ)
            if not selector.select(START_TIMEOUT_S):
                self.stop()
                log.error("the grading worker did not start in %s s", START_TIMEOUT_S)
                raise WorkerError(msg("worker_start_timeout"))
        try:
            message = self.rx.receive()
        except (OSError, protocol.ProtocolError):
            message = None
        if message is None or frames.op_of(message) != frames.READY:
            detail = self._stderr_tail()
            self.stop()
            log.error("the grading worker failed to start: %s", detail or "no message")
            raise WorkerError(msg("worker_start_failed", detail=detail or msg("no_detail")))
        return message

    def _stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        with contextlib.suppress(OSError, ValueError):
            self._stderr.seek(0)
            lines = self._stderr.read().decode("utf-8", "replace").strip().splitlines()
            return lines[-1] if lines else ""
        return ""

    def send(self, message: dict[str, Any], fds: list[int] | None = None) -> None:
        if self.sock is None:
            raise WorkerError(msg("worker_not_running"))
        protocol.send(self.sock, message, fds)

    def stop(self) -> None:
        """Kill the zygote (it kills its children when its socket closes; we make sure)."""
        if self.sock is not None:
            with contextlib.suppress(OSError):
                self.sock.close()
            self.sock = None
        process, self.process = self.process, None
        if process is not None:
            log.info("stopping the grading worker %s", process.pid)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)  # the zygote leads its own session
            with contextlib.suppress(OSError):
                process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
            unregister_worker(process.pid)
        if self.marker:
            kill_marked(self.marker)
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None


def marked_processes(marker: str) -> list[int]:
    """Processes whose environment carries a zygote's marker: the zygote and all it forked."""
    needle = f"{MARKER}={marker}".encode()
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as f:
                environ = f.read()
        except OSError:
            continue
        if needle in environ.split(b"\0"):
            found.append(int(name))
    return found


def kill_marked(marker: str, settle_s: float = 2.0) -> int:
    """SIGKILL every process carrying this zygote's marker (strays of a dead zygote), and
    wait up to ``settle_s`` until none is left: a killed process keeps its environment
    until the kernel has run its exit, which on a loaded machine is not at once (and a
    stray may have forked meanwhile: it is killed on the next look)."""
    killed: set[int] = set()
    deadline = time.monotonic() + settle_s
    while True:
        left = marked_processes(marker)
        if not left or time.monotonic() > deadline:
            return len(killed)
        for pid in left:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
        time.sleep(0.01)

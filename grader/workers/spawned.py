"""A single-use worker of the portable sandbox: a fresh interpreter that runs one submission.

Started by :mod:`grader.workers.portable` as ``python -P -m grader.workers.spawned PORT [--optimizers]`` in
its own empty working folder, with a scrubbed environment that hides every
GPU, and its token as the first line of its standard input. It imports torch
and warms up (before the app needs it: this is the slow part, and it runs in
the background), connects to the app on ``127.0.0.1:PORT`` and says
``ready`` with the token. Then it receives one ``run`` frame, confines itself
as far as this system allows — the working folder as its home and temporary
folder, the POSIX resource limits, nothing open but its standard streams and
the channel — and runs the job exactly as a forked child of the Linux zygote
would (:func:`grader.inside.child.run_job`), and exits. It never forks: there is no
zygote to fork from.

If the app goes away, the worker ends itself (and, on POSIX, its process
group) within half a second, even while student code runs.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import tempfile
import threading
import time
from typing import Any

from grader.sandbox.limits import Limits
from grader.wire import frames, protocol

CHANNEL_FD = 3
LIFELINE_POLL_S = 0.5


def _die() -> None:
    if sys.platform != "win32":
        import signal

        with contextlib.suppress(OSError):
            os.killpg(0, signal.SIGKILL)
    os._exit(75)


def _parent_alive(parent: int) -> bool:
    if sys.platform == "win32":  # Windows never re-parents: ask whether the app still runs
        import psutil

        return bool(psutil.pid_exists(parent))
    return os.getppid() == parent


def _watch_parent(parent: int) -> None:
    while _parent_alive(parent):
        time.sleep(LIFELINE_POLL_S)
    _die()


def _open_fds() -> list[int]:
    for folder in ("/proc/self/fd", "/dev/fd"):
        with contextlib.suppress(OSError, ValueError):
            return sorted(int(name) for name in os.listdir(folder))
    return list(range(256))


def _channel_over_fd(sock: socket.socket) -> Any:
    """POSIX: the channel at fd 3 and nothing else open beyond the standard streams."""
    from grader.inside.child import Channel

    fd = sock.detach()
    if fd != CHANNEL_FD:
        os.dup2(fd, CHANNEL_FD)
        os.close(fd)
    for other in _open_fds():
        if other > CHANNEL_FD:
            with contextlib.suppress(OSError):
                os.close(other)
    os.set_inheritable(CHANNEL_FD, False)
    os.set_blocking(CHANNEL_FD, True)
    return Channel.over_fd(CHANNEL_FD)


def _confine(job: dict[str, Any], sock: socket.socket) -> Any:
    """Make this process the job's sandbox, as far as this system allows; returns the channel."""
    from grader.inside import training_child
    from grader.inside.child import Channel
    from grader.sandbox import rlimits
    from grader.sandbox.confine import reopen_std_streams

    reopen_std_streams()  # written through: nothing is lost when the job ends with os._exit
    workdir = os.getcwd()
    for name in ("HOME", "USERPROFILE", "TMPDIR", "TMP", "TEMP"):
        os.environ[name] = workdir
    tempfile.tempdir = workdir
    data_kb = 0
    if sys.platform.startswith("linux"):  # the data segment is known there, as the zygote knows it
        import psutil

        data_kb = int(getattr(psutil.Process().memory_info(), "data", 0)) // 1024
    rlimits.apply(
        Limits(
            float(job["time_limit_s"]),
            int(job["memory_mb"]),
            baseline_data_kb=data_kb,
            cpu_s=float(job["cpu_limit_s"]) if job.get("cpu_limit_s") else None,
        ),
        strict=False,
        cpu_used_s=sum(os.times()[:2]),
    )
    training_child.start_clock()  # a training job's CPU time counts from here
    if sys.platform == "win32":  # a socket is no file descriptor there
        return Channel(sock.send, sock.recv)
    return _channel_over_fd(sock)


def _receive(sock: socket.socket) -> dict[str, Any] | None:
    reader = protocol.FrameReader()
    while True:
        data = sock.recv(1 << 16)
        if not data:
            return None
        received = reader.feed(data)
        if received:
            return received[0]


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or not argv[1].isdigit() or argv[2:] not in ([], ["--optimizers"]):
        sys.stderr.write(
            "usage: python -m grader.workers.spawned PORT [--optimizers] (token on stdin)\n"
        )
        return 2
    token = sys.stdin.readline().strip()
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()

    from grader.inside.runtime import import_runtime, needs_optimizers, warm_up, warm_up_optimizers

    import_runtime()
    from grader import probe  # noqa: F401 - loaded before the job
    from grader.inside import child

    optimizers_warm = os.environ.get("QUIZAPP_ZYGOTE_WARM_UP", "1") != "1"
    if not optimizers_warm:
        warm_up()
    if "--optimizers" in argv and not optimizers_warm:
        warm_up_optimizers()  # the last job needed them: warmed in the background, off its path
        optimizers_warm = True
    sock = socket.create_connection(("127.0.0.1", int(argv[1])))
    protocol.send(sock, frames.worker_ready(token, os.getpid()))
    job = _receive(sock)
    if job is None or frames.op_of(job) != frames.RUN:
        return 0
    if not optimizers_warm and needs_optimizers(str(job["source"]), str(job["hidden"])):
        warm_up_optimizers()  # as the zygote does, once: before the job's clock matters
    try:
        channel = _confine(job, sock)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            protocol.send(sock, frames.sandbox_error(f"{type(exc).__name__}: {exc}"))
        os._exit(71)
    child.run_job(job, channel)


if __name__ == "__main__":
    sys.exit(main(sys.argv))

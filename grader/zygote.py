"""The warm worker: imports torch once, then forks one sandboxed child per run.

Started by the supervisor as ``python -P -m grader.zygote FD`` where FD is its
end of a Unix socket. Thread pools are pinned to one thread before torch is
imported (forking after OpenMP started its pool can deadlock children).

For each ``run`` frame (with three file descriptors attached: the child's
channel and its stdout/stderr pipes) the zygote forks, watches the child —
wall clock, memory of all its processes, their number, the temporary folder's
size — kills the whole tree when a limit is hit or the main process ends,
and answers ``ended`` with what happened. As a child subreaper it inherits
every orphan the submission leaves, so nothing survives the verdict.

When its socket closes (the app exited or gave up on it) it kills what runs
and exits.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import contextlib
import selectors
import shutil
import signal
import socket
import sys
import tempfile
import time
from typing import Any

POLL_S = 0.02
DISK_POLL_S = 0.25
MAX_PROCESSES = 64
OPTIMIZER_WORDS = ("optim", "compile", "_dynamo")
DISK_LIMIT = 64 * 1024 * 1024


def _import_runtime() -> None:
    import numpy  # noqa: F401
    import torch
    import torch.nn
    import torch.nn.functional
    import torch.utils.data

    torch.set_num_threads(1)
    with contextlib.suppress(RuntimeError):
        torch.set_num_interop_threads(1)


def warm_up() -> None:
    """Run each kind of layer once so that children inherit initialised kernels."""
    import torch
    from torch import nn

    x = torch.randn(2, 1, 28, 28)
    conv = nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(4 * 14 * 14, 3),
        nn.BatchNorm1d(3),
        nn.Dropout(0.1),
    )
    conv(x).sum().backward()
    embed, lstm = (
        nn.Embedding(10, 4, padding_idx=0),
        nn.LSTM(4, 5, batch_first=True, bidirectional=True),
    )
    out, (h, _c) = lstm(embed(torch.randint(0, 10, (2, 3))))
    (out.sum() + h.sum()).backward()
    nn.CrossEntropyLoss()(torch.randn(2, 3), torch.tensor([0, 1]))


def warm_up_optimizers() -> None:
    """The first optimizer step imports torch._dynamo (about a second): done once, on demand."""
    import torch
    from torch import nn

    layer = nn.Linear(3, 2)
    layer(torch.randn(4, 3)).sum().backward()
    for optimizer in (
        torch.optim.SGD(layer.parameters(), lr=0.1, momentum=0.9),
        torch.optim.Adam(layer.parameters(), lr=0.01),
    ):
        optimizer.step()
        optimizer.zero_grad()


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _dir_size(path: str, limit: int) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, name)).st_blocks * 512
            if total > limit:
                return total
    return total


class Zygote:
    def __init__(self, sock: socket.socket) -> None:
        from . import landlock, procs, protocol

        self.sock = sock
        self.protocol = protocol
        self.procs = procs
        self.rx = protocol.FdReceiver(sock)
        self.pid = os.getpid()
        self.abi = landlock.abi_version() if os.environ.get("QUIZAPP_NO_LANDLOCK") != "1" else 0
        self.subreaper = procs.become_subreaper()
        self._confinements: dict[tuple[str, ...], Any] = {}
        self._optimizers_warm = os.environ.get("QUIZAPP_ZYGOTE_WARM_UP", "1") != "1"

    def send(self, message: dict[str, Any]) -> None:
        self.protocol.send(self.sock, message)

    def serve(self) -> None:
        self.send(
            {
                "op": "ready",
                "pid": self.pid,
                "landlock": self.abi,
                "subreaper": self.subreaper,
                "threads": len(os.listdir("/proc/self/task")),
            }
        )
        while True:
            message = self.rx.receive()
            if message is None:
                return
            if message.get("op") == "run":
                fds = self.rx.take_fds(3)
                try:
                    alive = self.run(message, fds)
                except Exception as exc:  # a bug here must not take the worker down
                    self.procs.kill_all_below(self.pid)
                    self.send(
                        {
                            "op": "ended",
                            "job": message.get("job"),
                            "reason": "internal",
                            "detail": f"{type(exc).__name__}: {exc}",
                        }
                    )
                    continue
                if not alive:
                    return

    def _confinement(self, hidden: list[str]) -> Any:
        from .sandbox import confinement

        key = tuple(sorted(hidden))
        if key not in self._confinements:
            self._confinements[key] = confinement(list(key), self.abi)
        return self._confinements[key]

    def run(self, job: dict[str, Any], fds: list[int]) -> bool:
        """Run one job to its end; False when the supervisor has gone away."""
        from . import child
        from .sandbox import Limits

        job_id = job.get("job")
        time_limit = float(job["time_limit_s"])
        memory_kb = int(job["memory_mb"]) * 1024
        limits = Limits(
            time_s=time_limit,
            memory_mb=int(job["memory_mb"]),
            baseline_data_kb=_status_kb("VmData"),
        )
        confinement = self._confinement([str(p) for p in job.get("hidden_paths", [])])
        if not self._optimizers_warm and any(
            word in str(job.get(part, ""))
            for part in ("source", "hidden")
            for word in OPTIMIZER_WORDS
        ):
            warm_up_optimizers()  # in the zygote, before the fork: paid once, not per child
            self._optimizers_warm = True
        workdir = tempfile.mkdtemp(prefix="quizapp-sandbox-")
        baseline_rss = self.procs.anon_rss_kb(self.pid)
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            try:
                self.sock.close()
                child.main(
                    job,
                    zygote_pid=self.pid,
                    fds=fds,
                    workdir=workdir,
                    limits=limits,
                    confinement=confinement,
                )
            finally:
                os._exit(70)
        for fd in fds:
            os.close(fd)
        self.send({"op": "started", "job": job_id, "pid": pid})

        reason: str | None = None
        alive = True
        peak_kb = 0
        status = 0
        rusage: Any = None
        pidfd = os.pidfd_open(pid)
        selector = selectors.DefaultSelector()
        selector.register(pidfd, selectors.EVENT_READ, "child")
        selector.register(self.sock, selectors.EVENT_READ, "control")
        deadline = started + time_limit
        next_disk = started + DISK_POLL_S
        try:
            while True:
                now = time.monotonic()
                events = selector.select(max(0.0, min(POLL_S, deadline - now)))
                for key, _mask in events:
                    if key.data == "child":
                        _pid, status, rusage = os.wait4(pid, 0)
                        selector.unregister(pidfd)
                        break
                    try:
                        frames, eof = self._read_control()
                    except self.protocol.ProtocolError:
                        frames, eof = [], True
                    if eof:
                        alive = False
                        reason = reason or "cancelled"
                        selector.unregister(self.sock)
                    for frame in frames:
                        if frame.get("op") == "kill" and frame.get("job") == job_id:
                            reason = reason or str(frame.get("reason") or "cancelled")
                if rusage is not None:
                    break
                # limits
                tree = self.procs.descendants(self.pid)
                used = sum(self.procs.anon_rss_kb(p) for p in tree) - baseline_rss
                peak_kb = max(peak_kb, used)
                now = time.monotonic()
                if reason is None and used > memory_kb:
                    reason = "memory"
                if reason is None and len(tree) > MAX_PROCESSES:
                    reason = "processes"
                if reason is None and now >= deadline:
                    reason = "time"
                if reason is None and now >= next_disk:
                    next_disk = now + DISK_POLL_S
                    if _dir_size(workdir, DISK_LIMIT) > DISK_LIMIT:
                        reason = "disk"
                if reason is not None:
                    self.procs.kill_group(pid)
                    self.procs.kill_all_below(self.pid, keep=pid)
        finally:
            selector.close()
            os.close(pidfd)
            self.procs.kill_group(pid)
            if rusage is None:  # leaving early (an error here): do not leave the child behind
                self.procs.kill_all_below(self.pid, keep=pid)
                with contextlib.suppress(ChildProcessError):
                    _pid, status, rusage = os.wait4(pid, 0)
            killed_after = self.procs.kill_all_below(self.pid)
            shutil.rmtree(workdir, ignore_errors=True)
        cpu = (rusage.ru_utime + rusage.ru_stime) if rusage is not None else 0.0
        if reason is None and os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            if sig == signal.SIGXCPU or (sig == signal.SIGKILL and cpu >= limits.cpu_seconds):
                reason = "cpu"
        ended = {
            "op": "ended",
            "job": job_id,
            "exit_code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            "reason": reason,
            "cpu_s": round(cpu, 4),
            "wall_s": round(time.monotonic() - started, 4),
            "peak_mb": round(peak_kb / 1024, 1),
            "leftovers": killed_after,
        }
        if alive:
            try:
                self.send(ended)
            except OSError:
                return False
        return alive

    def _read_control(self) -> tuple[list[dict[str, Any]], bool]:
        data, fds, _flags, _addr = socket.recv_fds(self.sock, 1 << 16, 16)
        for fd in fds:  # nothing should come with a kill; never leak what does
            os.close(fd)
        if not data:
            return [], True
        return self.rx.reader.feed(data), False


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[1].isdigit():
        sys.stderr.write("usage: python -m grader.zygote FD\n")
        return 2
    sock = socket.socket(fileno=int(argv[1]))
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    _import_runtime()
    from . import child, probe, weights  # noqa: F401 - imported once, inherited by every child

    if os.environ.get("QUIZAPP_ZYGOTE_WARM_UP", "1") == "1":
        warm_up()
    Zygote(sock).serve()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

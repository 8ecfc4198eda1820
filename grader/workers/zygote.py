"""The warm worker: imports torch once, then forks one sandboxed child per run.

Started by the supervisor as ``python -P -m grader.workers.zygote FD`` where FD is its
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
import logging
import selectors
import signal
import socket
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any

from grader.inside.runtime import import_runtime, needs_optimizers, warm_up, warm_up_optimizers
from grader.sandbox.limits import (
    DISK_MB,
    MB,
    QUICK_REMOVE_BYTES,
    TRASH_SUFFIX,
    Limits,
    disk_used,
    limit_hit,
    remove_tree,
)
from grader.wire import frames

POLL_S = 0.02
DISK_POLL_S = 0.25
DISK_LIMIT = DISK_MB * MB

log = logging.getLogger(__name__)


def _reaped_cpu_s() -> float:
    """CPU time of every process this zygote has reaped so far (the kernel adds each one's,
    with what it reaped in turn, when it is waited for)."""
    times = os.times()
    return times.children_user + times.children_system


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


@dataclass
class _Watch:
    """What watching one child has found so far."""

    job_id: Any
    pid: int
    limits: Limits
    workdir: str
    baseline_rss_kb: int
    started: float = field(default_factory=time.monotonic)
    reason: str | None = None  # why the run was stopped (see frames.STOP_REASONS)
    alive: bool = True  # False once the supervisor has gone away
    peak_kb: int = 0
    status: int = 0
    rusage: Any = None
    reaped_cpu_s: float = field(default_factory=lambda: _reaped_cpu_s())  # before the fork
    trash: str | None = None  # the working folder, renamed, for the app to remove

    def stop(self, reason: str) -> None:
        self.reason = self.reason or reason


class Zygote:
    def __init__(self, sock: socket.socket) -> None:
        from grader.sandbox import landlock, procs
        from grader.wire import protocol

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
        threads = len(os.listdir("/proc/self/task"))
        self.send(frames.zygote_ready(self.pid, self.abi, self.subreaper, threads))
        while True:
            message = self.rx.receive()
            if message is None:
                return
            if frames.op_of(message) == frames.RUN:
                fds = self.rx.take_fds(3)
                try:
                    alive = self.run(message, fds)
                except Exception as exc:  # a bug here must not take the worker down
                    log.exception("job %s failed inside the zygote", message.get("job"))
                    self.procs.kill_all_below(self.pid)
                    detail = f"{type(exc).__name__}: {exc}"
                    self.send(frames.ended(message.get("job"), reason="internal", detail=detail))
                    continue
                if not alive:
                    return

    def run(self, job: dict[str, Any], fds: list[int]) -> bool:
        """Run one job to its end; False when the supervisor has gone away."""
        limits = Limits(
            time_s=float(job["time_limit_s"]),
            memory_mb=int(job["memory_mb"]),
            baseline_data_kb=_status_kb("VmData"),
            cpu_s=float(job["cpu_limit_s"]) if job.get("cpu_limit_s") else None,
        )
        confinement = self._confinement([str(p) for p in job.get("hidden_paths", [])])
        self._warm_optimizers_for(job)
        workdir = tempfile.mkdtemp(prefix="quizapp-sandbox-")
        baseline_rss = self.procs.anon_rss_kb(self.pid)
        pid = self._fork(job, fds, workdir, limits, confinement)
        watch = _Watch(job.get("job"), pid, limits, workdir, baseline_rss)
        self.send(frames.started(watch.job_id, pid))
        try:
            self._watch(watch)
        finally:
            leftovers = self._clean_up(watch)
        if watch.alive:
            try:
                self.send(self._ended(watch, leftovers))
            except OSError:
                return False
        return watch.alive

    # -- the steps of one run ------------------------------------------------------

    def _confinement(self, hidden: list[str]) -> Any:
        from grader.sandbox.confine import confinement

        key = tuple(sorted(hidden))
        if key not in self._confinements:
            self._confinements[key] = confinement(list(key), self.abi)
        return self._confinements[key]

    def _warm_optimizers_for(self, job: dict[str, Any]) -> None:
        """Warm the optimizers in the zygote, before the fork, if this job may use them:
        paid once, not per child."""
        if self._optimizers_warm:
            return
        if job.get("optimizers") or needs_optimizers(
            str(job.get("source", "")), str(job.get("hidden", ""))
        ):
            warm_up_optimizers()
            self._optimizers_warm = True

    def _fork(
        self, job: dict[str, Any], fds: list[int], workdir: str, limits: Limits, confinement: Any
    ) -> int:
        """Fork the sandboxed child (which never returns) and give up our copies of its fds."""
        from grader.inside import child

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
        return pid

    def _watch(self, watch: _Watch) -> None:
        """Wait for the child to end, enforcing the limits and obeying ``kill`` frames."""
        pidfd = os.pidfd_open(watch.pid)
        deadline = watch.started + watch.limits.time_s
        next_disk = watch.started + DISK_POLL_S
        with selectors.DefaultSelector() as selector:
            try:
                selector.register(pidfd, selectors.EVENT_READ, "child")
                selector.register(self.sock, selectors.EVENT_READ, "control")
                while watch.rusage is None:
                    timeout = max(0.0, min(POLL_S, deadline - time.monotonic()))
                    for key, _mask in selector.select(timeout):
                        if key.data == "child":
                            _pid, watch.status, watch.rusage = os.wait4(watch.pid, 0)
                            break
                        if self._on_control(watch):
                            selector.unregister(self.sock)
                    if watch.rusage is not None:
                        break
                    now = time.monotonic()
                    if watch.reason is None and now >= next_disk:
                        next_disk = now + DISK_POLL_S
                        _memory, deleted_kb = self.procs.held_files_kb(
                            self.procs.descendants(self.pid)
                        )
                        if disk_used(watch.workdir, DISK_LIMIT) + deleted_kb * 1024 > DISK_LIMIT:
                            watch.stop("disk")
                    self._enforce(watch, deadline)
            finally:
                os.close(pidfd)

    def _on_control(self, watch: _Watch) -> bool:
        """Read the supervisor's frames during a run; True when it has gone away."""
        try:
            found, eof = self._read_control()
        except self.protocol.ProtocolError:
            found, eof = [], True
        if eof:
            watch.alive = False
            watch.stop("cancelled")
        for frame in found:
            if frames.op_of(frame) == frames.KILL and frame.get("job") == watch.job_id:
                watch.stop(str(frame.get("reason") or "cancelled"))
        return eof

    def _enforce(self, watch: _Watch, deadline: float) -> None:
        """Measure the child's processes; kill them all once a limit is hit (or a kill came)."""
        tree = self.procs.descendants(self.pid)
        held_kb, _deleted = self.procs.held_files_kb(tree)  # memfds count as memory
        used = sum(self.procs.anon_rss_kb(p) for p in tree) + held_kb - watch.baseline_rss_kb
        watch.peak_kb = max(watch.peak_kb, used)
        hit = limit_hit(watch.limits.memory_mb, used, len(tree), deadline, time.monotonic())
        if hit:
            watch.stop(hit)
        elif (
            watch.limits.cpu_s is not None
            and self._tree_cpu_s(watch, tree) > watch.limits.cpu_seconds
        ):
            watch.stop("cpu")  # RLIMIT_CPU is per process: forked helpers would each get it
        if watch.reason is not None:
            self.procs.kill_group(watch.pid)
            self.procs.kill_all_below(self.pid, keep=watch.pid)

    def _tree_cpu_s(self, watch: _Watch, tree: list[int]) -> float:
        """The run's CPU time so far, measured here: every process of the tree, reaped or not."""
        return _reaped_cpu_s() - watch.reaped_cpu_s + self.procs.cpu_s_of(tree)

    def _clean_up(self, watch: _Watch) -> int:
        """Kill and reap everything the run left; returns how many processes were still running."""
        self.procs.kill_group(watch.pid)
        if watch.rusage is None:  # leaving early (an error here): do not leave the child behind
            self.procs.kill_all_below(self.pid, keep=watch.pid)
            with contextlib.suppress(ChildProcessError):
                _pid, watch.status, watch.rusage = os.wait4(watch.pid, 0)
        leftovers = self.procs.kill_all_below(self.pid)
        if disk_used(watch.workdir, QUICK_REMOVE_BYTES) <= QUICK_REMOVE_BYTES:
            remove_tree(watch.workdir)
        else:  # a directory bomb takes seconds to delete: the app does it, not the verdict's path
            trash = f"{watch.workdir}{TRASH_SUFFIX}"
            try:
                os.rename(watch.workdir, trash)
                watch.trash = trash
            except OSError:
                remove_tree(watch.workdir)
        return leftovers

    def _ended(self, watch: _Watch, leftovers: int) -> dict[str, Any]:
        """The ``ended`` frame: how the child ended and what it used."""
        status, rusage = watch.status, watch.rusage
        cpu = (rusage.ru_utime + rusage.ru_stime) if rusage is not None else 0.0
        # every process of the run is reaped by now: their time, grandchildren's included
        cpu = max(cpu, _reaped_cpu_s() - watch.reaped_cpu_s)
        if watch.reason is None and os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            if sig == signal.SIGXCPU or (sig == signal.SIGKILL and cpu >= watch.limits.cpu_seconds):
                watch.stop("cpu")
        return frames.ended(
            watch.job_id,
            reason=watch.reason,
            exit_code=os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            signal=os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            cpu_s=round(cpu, 4),
            wall_s=round(time.monotonic() - watch.started, 4),
            peak_mb=round(watch.peak_kb / 1024, 1),
            leftovers=leftovers,
            trash=watch.trash,
        )

    def _read_control(self) -> tuple[list[dict[str, Any]], bool]:
        data, fds, _flags, _addr = socket.recv_fds(self.sock, 1 << 16, 16)
        for fd in fds:  # nothing should come with a kill; never leak what does
            os.close(fd)
        if not data:
            return [], True
        return self.rx.reader.feed(data), False


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.WARNING, format="zygote: %(levelname)s %(message)s")
    if len(argv) != 2 or not argv[1].isdigit():
        log.error("usage: python -m grader.workers.zygote FD")
        return 2
    sock = socket.socket(fileno=int(argv[1]))
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    import_runtime()
    from grader import probe  # noqa: F401 - inherited by every child

    if os.environ.get("QUIZAPP_ZYGOTE_WARM_UP", "1") == "1":
        warm_up()
    Zygote(sock).serve()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

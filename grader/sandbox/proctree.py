"""A portable worker's process tree through psutil, on every system: watch, measure, kill.

The Linux backend finds a submission's processes through /proc and a child
subreaper (:mod:`grader.sandbox.procs`). Elsewhere there is neither, so the portable
backend remembers every process it has seen below the worker (polled while
the run lasts), kills the worker's process group where there are groups, and
finally sweeps for processes that carry the worker's marker in their
environment — which finds a detached daemon that was never seen, unless it
replaced its environment. Memory is the private memory of every process of
the tree (on macOS, where psutil has no such figure, the resident size).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import psutil

KILL_ROUNDS = 200
PR_SET_CHILD_SUBREAPER = 36
_adopting = [False]


def adopt_orphans() -> bool:
    """On Linux, make this process (the app) a child subreaper, once: a process that leaves a
    worker's tree (double fork, ``setsid``, fork-hopping) comes back here as an orphan instead
    of going to init, and :func:`sweep_strays` finds it. Elsewhere there is no such thing."""
    if _adopting[0]:
        return True
    if not sys.platform.startswith("linux"):
        return False
    from grader.sandbox.libc import libc

    _adopting[0] = int(libc().prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)) == 0
    return _adopting[0]


def strays(keep: set[int], windows: list[tuple[float, float]]) -> list[psutil.Process]:
    """This process's children that a grading job left: not one of its workers (``keep``),
    not in its own session (the app's own children are: an editor, a probe), and started
    while a job ran (``windows``: start and end times). They got here by ``clone(CLONE_PARENT)``
    from a worker, or as orphans of a worker's tree (see :func:`adopt_orphans`)."""
    if not _adopting[0]:  # nothing re-parents here but CLONE_PARENT siblings (Linux) either
        return []
    from grader.sandbox.procs import children

    own_session = os.getsid(0)
    found = []
    for pid in children(os.getpid()):
        if pid in keep:
            continue
        try:
            if os.getsid(pid) == own_session:
                continue
            child = psutil.Process(pid)
            created = child.create_time()
        except (OSError, psutil.Error):
            continue
        if any(start - 1.0 <= created <= end + 1.0 for start, end in windows):
            found.append(child)
    return found


def sweep_strays(
    keep: Callable[[], set[int]],
    windows: list[tuple[float, float]],
    starting: AbstractContextManager[Any],
) -> int:
    """Kill and reap every stray (with whatever it started) until none is left; returns how
    many there were. A fork-hopping process re-parents here at each hop and is caught."""
    killed: set[int] = set()
    for _ in range(KILL_ROUNDS):
        with starting:  # no worker is started while its siblings are told apart from strays
            found = strays(keep(), windows)
        if not found:
            break
        for process in found:
            killed.add(process.pid)
            with contextlib.suppress(psutil.Error):
                for below in process.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        below.kill()
            with contextlib.suppress(psutil.Error):
                process.kill()
        for process in found:
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(process.pid, os.WNOHANG)  # our child: reap it
        time.sleep(0.002)
    return len(killed)


def private_kb(process: psutil.Process) -> int:
    """The process's own memory (heap, tensors) in KiB; 0 when it is gone."""
    try:
        mem = process.memory_info()
    except psutil.Error:
        return 0
    if sys.platform.startswith("linux"):
        return max(0, mem.rss - mem.shared) // 1024
    if sys.platform == "win32":
        return int(getattr(mem, "private", mem.rss)) // 1024
    return int(mem.rss) // 1024


def _running(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def marked(markers: set[str], since: float = 0.0) -> list[psutil.Process]:
    """Running processes started at or after ``since`` whose environment holds one of ``markers``."""
    from grader.workers.worker import MARKER

    found = []
    for process in psutil.process_iter(["create_time"]):
        created = process.info.get("create_time")
        if created is None or created < since - 1.0 or process.pid == os.getpid():
            continue
        try:
            value = process.environ().get(MARKER)
        except psutil.Error:
            continue
        if value in markers and _running(process):
            found.append(process)
    return found


class Tree:
    """The worker ``pid`` and everything below it that was ever seen."""

    def __init__(self, pid: int, marker: str) -> None:
        self.root = psutil.Process(pid)
        self.marker = marker
        self.started = self.root.create_time()
        self.seen: dict[int, psutil.Process] = {}

    def scan(self) -> list[psutil.Process]:
        """The living processes below the worker (the worker itself excluded); remembers them."""
        with contextlib.suppress(psutil.Error):
            for process in self.root.children(recursive=True):
                known = self.seen.get(process.pid)
                if known is None or known != process:  # a new process, or a reused pid
                    self.seen[process.pid] = process
        return [p for p in self.seen.values() if _running(p)]

    def memory_kb(self, processes: list[psutil.Process]) -> int:
        return private_kb(self.root) + sum(private_kb(p) for p in processes)

    def cpu_s(self) -> float:
        with contextlib.suppress(psutil.Error):
            times = self.root.cpu_times()
            return float(times.user + times.system)
        return 0.0

    def tree_cpu_s(self) -> float:
        """CPU seconds of the worker, the children it reaped and every living process below
        it, measured from outside. A process that left the tree (re-parented to init, then
        died) takes its time with it: the limitation ``quizapp doctor`` states."""
        total = 0.0
        for process in [self.root, *self.scan()]:
            with contextlib.suppress(psutil.Error):
                times = process.cpu_times()
                total += times.user + times.system
                total += getattr(times, "children_user", 0.0) + getattr(
                    times, "children_system", 0.0
                )
        return total

    def kill_group(self) -> None:
        """SIGKILL the worker's process group at once (POSIX; the worker leads its own)."""
        if sys.platform != "win32":
            import signal

            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.root.pid, signal.SIGKILL)

    def kill_all(self) -> int:
        """Kill the worker and every process of its tree until none is left.

        Returns how many processes below the worker were still running when it
        came to that (the worker's leftovers).
        """
        leftovers: set[int] = set()
        for sweep in (False, True):
            for _ in range(KILL_ROUNDS):
                found = self.scan()
                if sweep:  # once per pass: it is the slow part
                    found += [p for p in marked({self.marker}, self.started) if p != self.root]
                    sweep = False
                if not found:
                    break
                leftovers.update(p.pid for p in found)  # counted before they die and vanish
                self.kill_group()
                for process in found:
                    with contextlib.suppress(psutil.Error):
                        process.kill()
                time.sleep(0.002)
        self.kill_group()
        with contextlib.suppress(psutil.Error):
            self.root.kill()
        return len(leftovers)

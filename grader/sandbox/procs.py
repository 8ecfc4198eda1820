"""Finding, measuring and killing the processes a submission started, through /proc.

The zygote is a child subreaper: whatever a submission forks, however it
detaches (``setsid``, double fork), ends up as one of the zygote's
descendants once its own parent dies. So "the submission's processes" are
simply all descendants of the zygote, and killing them until none is left
guarantees that nothing outlives the verdict.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import stat
import time

from grader.sandbox.libc import libc

PR_SET_CHILD_SUBREAPER = 36


@functools.cache
def _page_kb() -> int:
    return os.sysconf("SC_PAGE_SIZE") // 1024


def become_subreaper() -> bool:
    """Make orphaned descendants re-parent to this process instead of init."""
    return int(libc().prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)) == 0


def _children_from_task_files(pid: int) -> list[int] | None:
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    found: list[int] = []
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", "rb") as f:
                found.extend(int(x) for x in f.read().split())
        except FileNotFoundError:
            if not os.path.exists(f"/proc/{pid}/task/{tid}"):
                continue
            return None  # the kernel lacks CONFIG_PROC_CHILDREN
        except OSError:
            continue
    return found


def children(pid: int) -> list[int]:
    """The living children of ``pid`` (from its task files: no scan of every process)."""
    found = _children_from_task_files(pid)
    return found if found is not None else _parent_map().get(pid, [])


def _parent_map() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        # the command name may hold spaces and parentheses: split after the last ')'
        fields = stat[stat.rfind(b")") + 2 :].split()
        if len(fields) > 1:
            tree.setdefault(int(fields[1]), []).append(int(name))
    return tree


def descendants(root: int) -> list[int]:
    """Every living process below ``root`` (children first)."""
    found: list[int] = []
    tree: dict[int, list[int]] | None = None
    queue = [root]
    while queue:
        pid = queue.pop(0)
        kids = _children_from_task_files(pid) if tree is None else tree.get(pid, [])
        if kids is None:
            tree = _parent_map()
            kids = tree.get(pid, [])
        for kid in kids:
            if kid not in found:
                found.append(kid)
                queue.append(kid)
    return found


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return True
    return stat[stat.rfind(b")") + 2 : stat.rfind(b")") + 3] in (b"Z", b"X")


def anon_rss_kb(pid: int) -> int:
    """Resident anonymous and shared memory of one process (heap, tensors, shared mappings
    such as a mapped memfd), in KiB; 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            status = f.read()
    except OSError:
        return 0
    total = 0
    for field in (b"RssAnon:", b"RssShmem:"):
        at = status.find(field)
        if at >= 0:
            with contextlib.suppress(ValueError):
                total += int(status[at + len(field) : status.index(b"kB", at)])
    return total


def held_files_kb(pids: list[int]) -> tuple[int, int]:
    """What these processes hold open that no folder walk sees, in KiB: files in memory
    (memfds) and files deleted while open (still on disk until closed). Each file once."""
    seen: set[tuple[int, int]] = set()
    memory = disk = 0
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            where = f"/proc/{pid}/fd/{fd}"
            try:
                target = os.readlink(where)
                info = os.stat(where)
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode) or (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            size = info.st_blocks // 2  # 512-byte blocks
            if target.startswith(("/memfd:", "/dev/shm/")):
                memory += size
            elif info.st_nlink == 0:
                disk += size
    return memory, disk


@functools.cache
def _tick_s() -> float:
    return 1.0 / os.sysconf("SC_CLK_TCK")


def _cpu_ticks(pid: int, own: bool = True) -> int:
    """CPU ticks of ``pid`` (user + system, unless not ``own``) plus those of the children it
    reaped; 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return 0
    fields = stat[stat.rfind(b")") + 2 :].split()
    try:
        utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
    except ValueError:
        return 0
    return (utime + stime if own else 0) + cutime + cstime


def tree_cpu_s(root: int) -> float:
    """CPU seconds of everything below ``root``, measured from outside, through /proc: what
    ``root`` reaped (its children's times, which hold their own reaped children's) plus
    every living descendant's own and reaped time. A process that dies moves its time into
    its reaper's, which is counted already, so the sum only grows."""
    return _cpu_ticks(root, own=False) * _tick_s() + cpu_s_of(descendants(root))


def cpu_s_of(pids: list[int]) -> float:
    """CPU seconds of these processes, each with what it reaped."""
    return sum(_cpu_ticks(pid) for pid in pids) * _tick_s()


def reap(pid: int = -1) -> list[tuple[int, int]]:
    """Collect every finished child without blocking; returns (pid, status) pairs."""
    reaped: list[tuple[int, int]] = []
    while True:
        try:
            found, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return reaped
        if found == 0:
            return reaped
        reaped.append((found, status))
        if pid != -1:
            return reaped


def kill_all_below(root: int, keep: int | None = None, rounds: int = 1000) -> int:
    """SIGKILL every descendant of ``root`` (this process) until none is left.

    A fork bomb keeps forking while we kill: each round kills what is seen,
    orphans come back to us (subreaper), and the next round gets them.
    ``keep`` is a child that is killed but not reaped (its owner wants its
    exit status). Returns how many running (not zombie) processes were killed.
    """
    killed: set[int] = set()
    if keep is not None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(keep, signal.SIGKILL)
    for _ in range(rounds):
        found = [pid for pid in descendants(root) if pid != keep]
        if not found:
            break
        for pid in found:
            running = not _is_zombie(pid)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
                if running:
                    killed.add(pid)
        for pid in found:
            if pid != keep:
                reap(pid)  # only our own children can be reaped; the rest come back as orphans
        time.sleep(0.002)  # let the killed exit, so that their orphans re-parent to us
    return len(killed)


def kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)

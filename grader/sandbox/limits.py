"""Every limit a sandboxed run is held to, written once.

A task sets its own time and memory limits (``task.yaml``); the defaults here
apply to a plain run without a task (the editor's "run only" of a scratch
file). Everything else is fixed for all runs.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import stat
from dataclasses import dataclass

MB = 1024 * 1024

TIME_LIMIT_S = 10.0  # wall clock of one run, when no task says otherwise
MEMORY_MB = 1024  # anonymous memory of all the run's processes, likewise
REFERENCE_TIME_FACTOR = 3  # the reference run may take this many times the task's limit
GRACE_S = 5.0  # beyond the time limit, before the worker is presumed stuck
MAX_PROCESSES = 64  # processes a run may have at once
DISK_MB = 64  # what a run may write to its working folder (and the largest file)
ENTRY_BYTES = 32 * 1024  # what each file or folder counts at least: 2,048 entries fit
QUICK_REMOVE_BYTES = 1024 * 1024  # a working folder bigger than this is removed by the app
OPEN_FILES = 1024
OUTPUT_LIMIT_MB = 1  # printing more than this kills the run
OUTPUT_KEEP = 64 * 1024  # bytes of each stream kept for "run only"
OUTPUT_SHOWN = 4 * 1024  # characters of a graded run's output shown to a teacher who asks
MESSAGE_CHARS = 300  # of an exception message raised by student code, in a check's verdict
REPORTED_CHARS = 500  # of any sentence the sandboxed side reports (the wording around it included)
HIDDEN_LINE_CHARS = 12  # a reported sentence quoting a hidden test's line this long is not shown


TRAINING_CPU_MARGIN_S = 3.0  # CPU beyond a training budget before RLIMIT_CPU stops the run
TRAINING_WALL_FACTOR = 3  # a training run's wall clock: this many times its CPU budget …
TRAINING_WALL_EXTRA_S = 20.0  # … plus this (predicting, a busy machine)
TRAINING_SMOKE_ROWS = 128  # the editor's quick training run (ctrl+r) uses this many rows


@dataclass(frozen=True)
class Limits:
    """What one sandboxed run may use."""

    time_s: float = TIME_LIMIT_S
    memory_mb: int = MEMORY_MB
    baseline_data_kb: int = 0  # the warm runtime's data segment, which the limit comes on top of
    cpu_s: float | None = None  # CPU seconds (RLIMIT_CPU) when not the wall-clock limit

    @property
    def cpu_seconds(self) -> int:
        return max(1, math.ceil(self.time_s if self.cpu_s is None else self.cpu_s))

    @property
    def data_bytes(self) -> int:
        return (self.baseline_data_kb + self.memory_mb * 1024) * 1024


def disk_used(path: str, limit: int) -> int:
    """Bytes the entries under ``path`` take on disk, counted until ``limit`` is passed.

    Every file and folder counts at least :data:`ENTRY_BYTES` (a directory bomb of empty
    folders fills a disk's inodes as surely as bytes fill its blocks). The walk keeps its
    own stack: a chain of folders nested thousands deep cannot overflow it, and one nested
    deeper than a path can name is over the limit by itself.
    """
    total = 0
    stack = [path]
    while stack:
        try:
            with os.scandir(stack.pop()) as entries:
                for entry in entries:
                    total += ENTRY_BYTES
                    try:
                        info = entry.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    if stat.S_ISDIR(info.st_mode):
                        stack.append(entry.path)
                    else:
                        total += getattr(info, "st_blocks", info.st_size // 512 + 1) * 512
                    if total > limit:
                        return total
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                return limit + 1
    return total


TRASH_SUFFIX = ".trash"


def remove_trash_later(path: object) -> None:
    """Remove a run's renamed working folder on a thread of its own (see the zygote)."""
    import threading

    if not isinstance(path, str) or not path.endswith(TRASH_SUFFIX) or os.path.islink(path):
        return
    if not os.path.basename(path).startswith("quizapp-sandbox-"):
        return
    threading.Thread(target=remove_tree, args=(path,), name="quizapp-trash", daemon=False).start()


def remove_tree(path: str) -> None:
    """Remove a run's working folder, however deep its folders are nested."""
    import shutil
    import subprocess

    with contextlib.suppress(RecursionError):
        shutil.rmtree(path, ignore_errors=True)
    if os.path.lexists(path) and os.name == "posix":  # nested past what rmtree can walk
        subprocess.run(
            ["rm", "-rf", "--one-file-system", "--", path],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )


def limit_hit(
    memory_mb: int, used_kb: int, processes: int, deadline: float, now: float
) -> str | None:
    """Which limit a run's measures break (memory, then processes, then time), if any."""
    if used_kb > memory_mb * 1024:
        return "memory"
    if processes > MAX_PROCESSES:
        return "processes"
    if now >= deadline:
        return "time"
    return None

"""The POSIX resource limits of a sandboxed run (none on Windows: see :func:`available`).

Both backends set them on the process that runs student code, just before it
runs: CPU seconds (SIGXCPU, then SIGKILL), the data segment where the
runtime's own size is known (``Limits.baseline_data_kb``), the largest file,
no core dumps, and the number of open files. Watching the process tree stays
the backstop: these only make a limit bite sooner and more precisely.
"""

from __future__ import annotations

import math
import sys

from grader.sandbox.limits import DISK_MB, MB, OPEN_FILES, Limits


def available() -> bool:
    """Whether this system has ``setrlimit`` (every POSIX system; not Windows)."""
    return sys.platform != "win32"


def apply(limits: Limits, *, strict: bool = True, cpu_used_s: float = 0.0) -> list[str]:
    """Set the limits on this process; returns the names of those that took.

    ``strict`` raises on the first refusal (the Linux sandbox, where each one is
    expected); otherwise a limit the system refuses is skipped (macOS refuses
    some). The data segment is limited only when ``limits.baseline_data_kb`` is
    known. ``cpu_used_s`` is what this process has already spent (a portable
    worker's import of torch): the CPU limit comes on top of it.
    """
    if not available():
        return []
    import resource

    cpu = math.ceil(cpu_used_s) + limits.cpu_seconds
    wanted = [
        ("cpu", resource.RLIMIT_CPU, cpu, cpu + 1),
        ("file size", resource.RLIMIT_FSIZE, DISK_MB * MB, DISK_MB * MB),
        ("core", resource.RLIMIT_CORE, 0, 0),
    ]
    if limits.baseline_data_kb:
        wanted.insert(1, ("data", resource.RLIMIT_DATA, limits.data_bytes, limits.data_bytes))
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    files = OPEN_FILES if hard == resource.RLIM_INFINITY else min(OPEN_FILES, hard)
    wanted.append(("open files", resource.RLIMIT_NOFILE, files, files))
    applied = []
    for name, which, soft, hard_limit in wanted:
        try:
            resource.setrlimit(which, (soft, hard_limit))
        except (OSError, ValueError):
            if strict:
                raise
            continue
        applied.append(name)
    return applied

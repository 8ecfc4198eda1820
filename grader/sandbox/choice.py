"""Which sandbox grades here: ``auto``, ``linux`` or ``portable``, and whether ``linux`` can run.

Kept apart from :mod:`grader.workers.backends` and light to import (no pydantic, no
process machinery), so that the app can refuse an unusable ``QUIZAPP_SANDBOX``
in one line before it draws its first frame. Nothing here runs Linux-only code
at import.
"""

from __future__ import annotations

import os
import sys

BACKENDS = ("linux", "portable")
CHOICES = ("auto", *BACKENDS)
ENV_VAR = "QUIZAPP_SANDBOX"
PR_GET_CHILD_SUBREAPER = 37


class SandboxUnavailable(Exception):
    """The sandbox asked for cannot run here, or is no sandbox at all (one line)."""


def linux_missing() -> str | None:
    """Why the ``linux`` backend cannot run on this machine; None when it can."""
    if not sys.platform.startswith("linux"):
        return f"it needs Linux (this is {sys.platform})"
    if not hasattr(os, "pidfd_open") or not hasattr(os, "fork"):
        return "this Python lacks os.pidfd_open or os.fork"
    try:
        os.close(os.pidfd_open(os.getpid()))
    except OSError as exc:
        return f"the kernel refuses pidfd_open ({exc.strerror}; Linux 5.3 or later is needed)"
    if not os.path.isdir("/proc/self/task"):
        return "/proc is not mounted"
    import ctypes

    from grader.sandbox.libc import libc

    flag = ctypes.c_int(0)
    if libc().prctl(PR_GET_CHILD_SUBREAPER, ctypes.byref(flag), 0, 0, 0) != 0:
        return "the kernel refuses prctl (no child subreaper)"
    return None


def choose(requested: str | None = None) -> str:
    """The backend to use: ``requested``, else ``$QUIZAPP_SANDBOX``, else ``auto``."""
    name = (requested or os.environ.get(ENV_VAR) or "auto").strip().lower()
    if name not in CHOICES:
        raise SandboxUnavailable(f"unknown sandbox {name!r}; use one of: {', '.join(CHOICES)}")
    problem = linux_missing() if name in ("auto", "linux") else None
    if name == "auto":
        return "portable" if problem else "linux"
    if problem:
        raise SandboxUnavailable(f"the linux sandbox cannot run here: {problem}")
    return name

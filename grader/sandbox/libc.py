"""The C library, loaded on first use.

Only the Linux backend calls into it (``prctl``, ``capset``, raw system
calls); loading it lazily keeps every grader module importable on macOS and
Windows, where ``ctypes.CDLL(None)`` means something else or fails.
"""

from __future__ import annotations

import ctypes
import functools


@functools.cache
def libc() -> ctypes.CDLL:
    lib = ctypes.CDLL(None, use_errno=True)
    lib.syscall.restype = ctypes.c_long
    return lib

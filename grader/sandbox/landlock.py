"""Landlock, Linux's unprivileged sandbox, through raw system calls (ctypes).

A sandboxed child restricts itself before running student code:

- file system: read-only access to what Python and torch need (the interpreter,
  site-packages, system libraries), read-write access to its own temporary
  folder and ``/dev/null``, nothing else — not the user's home, not the app's
  data, not the bank's solutions and hidden tests; executing files is denied;
- network (ABI 4+): no TCP bind or connect;
- scopes (ABI 6+): no signals to processes outside the sandbox (the zygote,
  the app) and no connections to abstract Unix sockets outside it.

Older kernels get what their ABI offers; :func:`abi_version` returns 0 where
Landlock is missing, and the rest of the sandbox (limits, process tracking)
still applies.
"""

from __future__ import annotations

import ctypes
import os
import stat
import struct
from collections.abc import Iterable, Sequence

from grader.sandbox.libc import libc

SYS_CREATE_RULESET, SYS_ADD_RULE, SYS_RESTRICT_SELF = 444, 445, 446
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
PR_SET_NO_NEW_PRIVS = 38

EXECUTE = 1 << 0
WRITE_FILE = 1 << 1
READ_FILE = 1 << 2
READ_DIR = 1 << 3
REMOVE_DIR = 1 << 4
REMOVE_FILE = 1 << 5
MAKE_CHAR = 1 << 6
MAKE_DIR = 1 << 7
MAKE_REG = 1 << 8
MAKE_SOCK = 1 << 9
MAKE_FIFO = 1 << 10
MAKE_BLOCK = 1 << 11
MAKE_SYM = 1 << 12
REFER = 1 << 13  # ABI 2
TRUNCATE = 1 << 14  # ABI 3
IOCTL_DEV = 1 << 15  # ABI 5

NET_BIND_TCP = 1 << 0  # ABI 4
NET_CONNECT_TCP = 1 << 1
SCOPE_ABSTRACT_UNIX_SOCKET = 1 << 0  # ABI 6
SCOPE_SIGNAL = 1 << 1

FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV
READ_ONLY = READ_FILE | READ_DIR
READ_WRITE = (
    READ_FILE
    | READ_DIR
    | WRITE_FILE
    | REMOVE_DIR
    | REMOVE_FILE
    | MAKE_DIR
    | MAKE_REG
    | MAKE_SYM
    | MAKE_FIFO
    | MAKE_SOCK
    | REFER
    | TRUNCATE
)


class LandlockError(OSError):
    """Landlock refused a step of the set-up."""


def _syscall(*args: object) -> int:
    result = int(libc().syscall(*args))
    if result < 0:
        errno = ctypes.get_errno()
        raise LandlockError(errno, os.strerror(errno))
    return result


def abi_version() -> int:
    """The kernel's Landlock ABI version, 0 when Landlock is unavailable or disabled."""
    try:
        return _syscall(SYS_CREATE_RULESET, None, ctypes.c_size_t(0), CREATE_RULESET_VERSION)
    except (LandlockError, AttributeError):
        return 0


def _handled_fs(abi: int) -> int:
    rights = (1 << 13) - 1  # ABI 1: EXECUTE .. MAKE_SYM
    if abi >= 2:
        rights |= REFER
    if abi >= 3:
        rights |= TRUNCATE
    if abi >= 5:
        rights |= IOCTL_DEV
    return rights


def _within(path: str, parent: str) -> bool:
    return path == parent or path.startswith(parent.rstrip("/") + "/")


def read_rules(roots: Iterable[str], hidden: Sequence[str]) -> list[str]:
    """The paths to grant read access to: ``roots``, minus anything inside ``hidden``.

    Landlock only allows, never denies, so a root that contains a hidden path
    is replaced by its entries, recursively, leaving the hidden path out.
    """
    hidden_real = [os.path.realpath(h) for h in hidden]
    granted: list[str] = []

    def visit(path: str) -> None:
        real = os.path.realpath(path)
        if any(_within(real, h) for h in hidden_real):
            return
        if not any(_within(h, real) for h in hidden_real):
            granted.append(path)
            return
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            visit(entry.path)

    for root in dict.fromkeys(roots):
        if os.path.exists(root):
            visit(root)
    return granted


def restrict_self(
    read_only: Iterable[str],
    read_write: Iterable[str],
    abi: int,
) -> None:
    """Confine this process (and everything it starts) for good; see the module docstring."""
    if abi < 1:
        return
    handled_fs = _handled_fs(abi)
    attr: bytes
    if abi >= 6:
        scoped = SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL
        attr = struct.pack("=QQQ", handled_fs, NET_BIND_TCP | NET_CONNECT_TCP, scoped)
    elif abi >= 4:
        attr = struct.pack("=QQ", handled_fs, NET_BIND_TCP | NET_CONNECT_TCP)
    else:
        attr = struct.pack("=Q", handled_fs)
    buffer = ctypes.create_string_buffer(attr, len(attr))
    ruleset = _syscall(SYS_CREATE_RULESET, buffer, ctypes.c_size_t(len(attr)), 0)
    try:
        for paths, rights in ((read_only, READ_ONLY), (read_write, READ_WRITE)):
            for path in paths:
                _add_path(ruleset, path, rights & handled_fs)
        if libc().prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            errno = ctypes.get_errno()
            raise LandlockError(errno, os.strerror(errno))
        _syscall(SYS_RESTRICT_SELF, ruleset, 0)
    finally:
        os.close(ruleset)


def _add_path(ruleset: int, path: str, rights: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return  # a path that vanished or cannot be opened is simply not granted
    try:
        if not stat.S_ISDIR(os.fstat(fd).st_mode):
            rights &= FILE_RIGHTS
        rule = ctypes.create_string_buffer(struct.pack("=Qi", rights, fd), 12)
        _syscall(SYS_ADD_RULE, ruleset, RULE_PATH_BENEATH, rule, 0)
    finally:
        os.close(fd)

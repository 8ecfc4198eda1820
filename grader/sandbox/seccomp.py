"""A seccomp filter that keeps a sandbox's signals, sockets and debugging to itself.

Landlock's signal scoping needs Linux 6.12, and no Landlock ABI confines UDP or
Unix sockets that have a path; a sandboxed process running as the user could
otherwise signal the zygote, the app or any process group of the user
(``kill(-1, SIGKILL)``), have the kernel do it for it (``fcntl(F_SETOWN)`` +
``F_SETSIG``), or talk to any local service (a terminal multiplexer's socket in
/tmp runs commands as the user). This filter, installed last, makes these
system calls fail with EPERM:

- ``kill`` and ``rt_sigqueueinfo``: unless they target pid 0, the own pid or
  minus it (the own process group, which the sandbox leads after ``setsid``);
- ``tgkill`` and ``rt_tgsigqueueinfo``: unless they target the own process;
- ``socket`` and ``socketpair``: every family but ``AF_UNIX`` and every type but
  stream and seqpacket (so no UDP, no netlink, no raw sockets, no datagrams to a
  path); ``connect``: always (a socket pair needs none, and a Unix socket's path
  is out of a filter's sight), so no Unix socket outside the run can be reached;
- ``fcntl`` ``F_SETOWN``, ``F_SETOWN_EX``, ``F_SETSIG`` and ``ioctl``
  ``FIOSETOWN``, ``SIOCSPGRP``: the kernel's SIGIO/SIGURG would go to a process
  of the submission's choosing;
- ``tkill``, ``ptrace``, ``process_vm_readv/writev``, ``pidfd_send_signal``,
  ``pidfd_getfd``, ``io_uring_setup/enter/register`` (io_uring would run
  ``socket`` and ``connect`` where no filter sees them): never.

Python's ``multiprocessing`` (pipes, socket pairs, fork) still works; what needs
``connect`` (``multiprocessing.connection.Client``, a ``DataLoader`` with worker
processes passing tensors by file descriptor) does not, in a graded run.

System calls of another ABI (32-bit x86, x32) are refused outright, so that
they cannot be used to go around the filter. Unknown architectures get no
filter (the rest of the sandbox still applies).
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import struct
from dataclasses import dataclass

from grader.sandbox.libc import libc

PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
RET_ALLOW = 0x7FFF0000
RET_EPERM = 0x00050000 | errno.EPERM
LD_ABS_W = 0x20
JEQ = 0x15
JSET = 0x45
AND = 0x54  # BPF_ALU | BPF_AND | BPF_K
RET = 0x06
X32_BIT = 0x40000000
ARG0, ARG1 = 16, 24  # offsets of the low 32 bits of args[0] and args[1] (little-endian)

AF_UNIX = 1
SOCK_TYPE_MASK = 0xF  # without SOCK_NONBLOCK and SOCK_CLOEXEC
SOCK_STREAM, SOCK_SEQPACKET = 1, 5
F_SETOWN, F_SETSIG, F_SETOWN_EX = 8, 10, 15
FIOSETOWN, SIOCSPGRP = 0x8901, 0x8902
IO_URING = (425, 426, 427)


@dataclass(frozen=True)
class _Arch:
    audit: int
    kill: int
    sigqueue: int
    tgkill: int
    tgsigqueue: int
    socket: int
    socketpair: int
    connect: int
    fcntl: int
    ioctl: int
    denied: tuple[int, ...]  # tkill, ptrace, process_vm_readv/writev, pidfd_send_signal/getfd


_ARCHES = {
    "x86_64": _Arch(
        0xC000003E, 62, 129, 234, 297, 41, 53, 42, 72, 16, (200, 101, 310, 311, 424, 438)
    ),
    "aarch64": _Arch(
        0xC00000B7, 129, 138, 131, 240, 198, 199, 203, 25, 29, (130, 117, 270, 271, 424, 438)
    ),
}


def supported() -> bool:
    return platform.machine() in _ARCHES


def _program(own_pid: int) -> list[tuple[int, int, int, int]]:
    arch = _ARCHES[platform.machine()]
    code: list[tuple[int, int, int, int] | tuple[str, int, str, str]] = []

    def op(code_: int, k: int, jt: str | int = 0, jf: str | int = 0) -> None:
        code.append((code_, k, jt, jf))  # type: ignore[arg-type]

    op(LD_ABS_W, 4)  # seccomp_data.arch
    op(JEQ, arch.audit, 0, "deny")
    op(LD_ABS_W, 0)  # seccomp_data.nr
    op(JSET, X32_BIT, "deny", 0)
    op(JEQ, arch.kill, "pid", 0)
    op(JEQ, arch.sigqueue, "pid", 0)
    op(JEQ, arch.tgkill, "tgid", 0)
    op(JEQ, arch.tgsigqueue, "tgid", 0)
    op(JEQ, arch.socket, "socket", 0)
    op(JEQ, arch.socketpair, "socket", 0)
    op(JEQ, arch.fcntl, "fcntl", 0)
    op(JEQ, arch.ioctl, "ioctl", 0)
    for number in (*arch.denied, arch.connect, *IO_URING):
        op(JEQ, number, "deny", 0)
    op(RET, RET_ALLOW)  # every other system call
    labels = {"pid": len(code)}
    op(LD_ABS_W, ARG0)
    op(JEQ, 0, "allow", 0)
    op(JEQ, own_pid, "allow", 0)
    op(JEQ, (-own_pid) & 0xFFFFFFFF, "allow", "deny")
    labels["tgid"] = len(code)
    op(LD_ABS_W, ARG0)
    op(JEQ, own_pid, "allow", "deny")
    labels["socket"] = len(code)  # socket(domain, type, ...) and socketpair(domain, type, ...)
    op(LD_ABS_W, ARG0)
    op(JEQ, AF_UNIX, 0, "deny")
    op(LD_ABS_W, ARG1)
    op(AND, SOCK_TYPE_MASK)
    op(JEQ, SOCK_STREAM, "allow", 0)
    op(JEQ, SOCK_SEQPACKET, "allow", "deny")
    labels["fcntl"] = len(code)  # fcntl(fd, cmd, ...)
    op(LD_ABS_W, ARG1)
    op(JEQ, F_SETOWN, "deny", 0)
    op(JEQ, F_SETSIG, "deny", 0)
    op(JEQ, F_SETOWN_EX, "deny", "allow")
    labels["ioctl"] = len(code)  # ioctl(fd, request, ...)
    op(LD_ABS_W, ARG1)
    op(JEQ, FIOSETOWN, "deny", 0)
    op(JEQ, SIOCSPGRP, "deny", "allow")
    labels["allow"] = len(code)  # BPF only jumps forward: the verdicts come last
    op(RET, RET_ALLOW)
    labels["deny"] = len(code)
    op(RET, RET_EPERM)

    resolved = []
    for index, (code_, k, jt, jf) in enumerate(code):
        jumps = [labels[j] - index - 1 if isinstance(j, str) else j for j in (jt, jf)]
        resolved.append((int(code_), int(k), int(jumps[0]), int(jumps[1])))
    return resolved


def install() -> bool:
    """Filter this process and its future children; False where unsupported."""
    if not supported():
        return False
    program = _program(os.getpid())
    raw = b"".join(struct.pack("=HBBI", code, jt, jf, k) for code, k, jt, jf in program)
    buffer = ctypes.create_string_buffer(raw, len(raw))

    class _Prog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = _Prog(len(program), ctypes.cast(buffer, ctypes.c_void_p))
    if libc().prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "cannot set no_new_privs")
    if libc().prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
        number = ctypes.get_errno()
        raise OSError(number, f"cannot install the seccomp filter: {os.strerror(number)}")
    return True

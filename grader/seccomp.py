"""A seccomp filter that keeps a sandbox's signals and debugging to itself.

Landlock's signal scoping needs Linux 6.12; on older kernels a sandboxed
process running as the user could otherwise signal the zygote, the app or any
process group of the user (``kill(-1, SIGKILL)``). This filter, installed
last, makes these system calls fail with EPERM unless they target the
sandbox's own process or process group:

- ``kill`` and ``rt_sigqueueinfo``: only pid 0, the own pid or minus it
  (the own process group, which the sandbox leads after ``setsid``);
- ``tgkill`` and ``rt_tgsigqueueinfo``: only threads of the own process;
- ``tkill``, ``ptrace``, ``process_vm_readv/writev``, ``pidfd_send_signal``,
  ``pidfd_getfd``: never.

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

from .libc import libc

PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
RET_ALLOW = 0x7FFF0000
RET_EPERM = 0x00050000 | errno.EPERM
LD_ABS_W = 0x20
JEQ = 0x15
JSET = 0x45
RET = 0x06
X32_BIT = 0x40000000

# (audit arch, kill, rt_sigqueueinfo, tgkill, rt_tgsigqueueinfo, always denied)
_ARCHES = {
    "x86_64": (0xC000003E, 62, 129, 234, 297, (200, 101, 310, 311, 424, 438)),
    "aarch64": (0xC00000B7, 129, 138, 131, 240, (130, 117, 270, 271, 424, 438)),
}


def supported() -> bool:
    return platform.machine() in _ARCHES


def _program(own_pid: int) -> list[tuple[int, int, int, int]]:
    arch, kill, sigqueue, tgkill, tgsigqueue, denied = _ARCHES[platform.machine()]
    code: list[tuple[int, int, int, int] | tuple[str, int, str, str]] = []

    def op(code_: int, k: int, jt: str | int = 0, jf: str | int = 0) -> None:
        code.append((code_, k, jt, jf))  # type: ignore[arg-type]

    op(LD_ABS_W, 4)  # seccomp_data.arch
    op(JEQ, arch, 0, "deny")
    op(LD_ABS_W, 0)  # seccomp_data.nr
    op(JSET, X32_BIT, "deny", 0)
    op(JEQ, kill, "pid", 0)
    op(JEQ, sigqueue, "pid", 0)
    op(JEQ, tgkill, "tgid", 0)
    op(JEQ, tgsigqueue, "tgid", 0)
    for number in denied:
        op(JEQ, number, "deny", 0)
    op(RET, RET_ALLOW)  # every other system call
    labels = {"pid": len(code)}
    op(LD_ABS_W, 16)  # low 32 bits of args[0] (little-endian)
    op(JEQ, 0, "allow", 0)
    op(JEQ, own_pid, "allow", 0)
    op(JEQ, (-own_pid) & 0xFFFFFFFF, "allow", "deny")
    labels["tgid"] = len(code)
    op(LD_ABS_W, 16)
    op(JEQ, own_pid, "allow", "deny")
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

"""Turning a freshly forked child of the zygote into a sandbox, before any student code runs.

Order matters: the child first leaves the zygote's session (so that its whole
process group can be killed), asks to die with its parent, resets signals,
keeps only its channel and output pipes as file descriptors, moves into its
own temporary folder, sets resource limits, drops every capability (root
included) and finally locks itself in with Landlock (see
:mod:`grader.sandbox.landlock`).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
from dataclasses import dataclass, field

from grader.sandbox import landlock, rlimits, seccomp
from grader.sandbox.libc import libc
from grader.sandbox.limits import Limits

CHANNEL_FD = 3
PR_SET_PDEATHSIG = 1
PR_CAPBSET_DROP = 24
PR_CAP_AMBIENT = 47
PR_CAP_AMBIENT_CLEAR_ALL = 4
CAP_LAST = 63

_arranged = False


def arranged() -> bool:
    """Whether the channel already sits at :data:`CHANNEL_FD` (for reporting set-up failures)."""
    return _arranged


@dataclass(frozen=True)
class Confinement:
    """The file system view of a sandbox: what it may read, where it may write."""

    read_only: list[str] = field(default_factory=list)
    read_write: list[str] = field(default_factory=list)
    landlock_abi: int = 0


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _drop_capabilities() -> None:
    """Keep the user id but give up every privilege (matters when the app runs as root)."""
    if os.geteuid() != 0:
        return
    for cap in range(CAP_LAST + 1):
        if libc().prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            break  # past the kernel's last capability
    libc().prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    header = _CapHeader(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3
    data = (_CapData * 2)()
    if libc().capset(ctypes.byref(header), data) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"cannot drop capabilities: {os.strerror(errno)}")


def _reset_signals() -> None:
    for sig in (
        signal.SIGTERM,
        signal.SIGHUP,
        signal.SIGQUIT,
        signal.SIGUSR1,
        signal.SIGUSR2,
        signal.SIGALRM,
        signal.SIGCHLD,
        signal.SIGXCPU,
    ):
        signal.signal(sig, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too large file is an error, not a kill
    signal.pthread_sigmask(signal.SIG_SETMASK, [])


def _arrange_fds(channel: int, stdout: int, stderr: int) -> None:
    """Leave exactly: 0 = /dev/null, 1 = stdout pipe, 2 = stderr pipe, 3 = the channel."""
    # Move the three out of the way first, so that dup2 never overwrites one of them.
    channel, stdout, stderr = (os.dup(fd) for fd in (channel, stdout, stderr))
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(stdout, 1)
    os.dup2(stderr, 2)
    os.dup2(channel, CHANNEL_FD)
    os.closerange(CHANNEL_FD + 1, _max_fd())
    for fd in range(4):
        os.set_inheritable(fd, fd != CHANNEL_FD)
    os.set_blocking(CHANNEL_FD, True)


def _max_fd() -> int:
    try:
        return max(int(name) for name in os.listdir("/proc/self/fd")) + 1
    except (OSError, ValueError):
        return 65536


def reopen_std_streams() -> None:
    """Fresh Python-level streams on the new fds, writing through so that nothing is lost on exit."""
    import io

    def stream(fd: int) -> io.TextIOWrapper:
        raw = io.FileIO(fd, "w", closefd=False)
        return io.TextIOWrapper(
            raw, encoding="utf-8", errors="backslashreplace", write_through=True
        )

    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
    sys.stdout = sys.__stdout__ = stream(1)  # type: ignore[misc]
    sys.stderr = sys.__stderr__ = stream(2)  # type: ignore[misc]


def enter(
    *,
    zygote_pid: int,
    channel: int,
    stdout: int,
    stderr: int,
    workdir: str,
    limits: Limits,
    confinement: Confinement,
) -> None:
    """Confine this (forked) process. Raises OSError if a step fails; the caller reports it."""
    os.setsid()
    libc().prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != zygote_pid:  # the zygote died between fork and prctl
        os._exit(75)
    _reset_signals()
    with contextlib.suppress(OSError), open("/proc/self/oom_score_adj", "w") as f:
        f.write("1000")  # if memory runs out, the kernel takes the sandbox, not the app
    global _arranged
    _arrange_fds(channel, stdout, stderr)
    _arranged = True
    reopen_std_streams()
    os.chdir(workdir)
    os.environ.update({"HOME": workdir, "TMPDIR": workdir, "TMP": workdir, "TEMP": workdir})
    import tempfile

    tempfile.tempdir = workdir
    rlimits.apply(limits)
    own_proc = f"/proc/{os.getpid()}"
    landlock.restrict_self(
        read_only=[*confinement.read_only, own_proc],
        read_write=[*confinement.read_write, workdir],
        abi=confinement.landlock_abi,
    )
    _drop_capabilities()
    seccomp.install()


SYSTEM_READ_ROOTS = (
    "/usr",
    "/lib",
    "/lib64",
    "/lib32",
    # of /etc, only what the dynamic loader and the C library's time functions read (never
    # /etc/shadow, which the app's user may read when it is root, nor the host's names)
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/etc/localtime",
    "/proc/cpuinfo",
    "/proc/meminfo",
    "/proc/stat",
    "/sys/devices/system/cpu",
    "/dev/urandom",
    "/dev/random",
    "/dev/zero",
)


SITE_FOLDERS = ("site-packages", "dist-packages")
CHECKOUT_PRIVATE = (".git", "tests", "bench")


def package_root() -> str:
    """The folder that holds the ``grader`` package: a checkout (source or editable
    install) or a site-packages folder (wheel install)."""
    grader_package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    return os.path.dirname(grader_package)


def is_checkout(root: str) -> bool:
    return os.path.basename(root) not in SITE_FOLDERS


def read_roots() -> tuple[list[str], list[str]]:
    """The folders a sandbox may read and the ones inside them it may not (beyond a task's).

    Python's own folders (``sys.path``, the prefixes) and the system libraries. A checkout
    (a source tree or an editable install) is never granted as a whole: its ``.git``,
    ``tests/`` and bank are no business of a submission. Only its ``grader`` package is
    readable there (the modules a sandboxed run may still import); a wheel install's
    site-packages is granted like any other, minus the bank.
    """
    root = package_root()
    checkout = is_checkout(root)
    roots: list[str] = []
    for path in [*sys.path, sys.prefix, sys.base_prefix, sys.exec_prefix]:
        if not path or not os.path.isabs(path) or not os.path.exists(path):
            continue
        if checkout and os.path.realpath(path) == root:
            continue  # the checkout root itself: only its grader package, below
        roots.append(path)
    if checkout:
        roots.append(os.path.join(root, "grader"))
    private = [os.path.join(root, name) for name in CHECKOUT_PRIVATE] if checkout else []
    return [*roots, *SYSTEM_READ_ROOTS], private


def confinement(hidden: list[str], abi: int) -> Confinement:
    """Read access to Python, its packages and system libraries, minus the ``hidden`` folders."""
    roots, private = read_roots()
    read_only = landlock.read_rules(roots, [*hidden, *private])
    return Confinement(read_only=read_only, read_write=[os.devnull], landlock_abi=abi)

"""Which sandbox grades here, and what it confines.

Two backends sit behind the one :class:`grader.Grader` API:

- ``linux``: warm zygotes that fork one confined child per run (Landlock,
  seccomp, a child subreaper, resource limits; :mod:`grader.workers.zygote`), where
  the kernel offers what it needs (Linux with ``pidfd_open`` and ``/proc``);
- ``portable``: single-use spawned workers watched from the app through
  psutil (:mod:`grader.workers.portable`), everywhere else — macOS, Windows, old or
  locked-down Linux.

``auto`` (the default) picks ``linux`` where it can run; ``QUIZAPP_SANDBOX``
or ``sandbox = "…"`` in the app's config.toml (passed as ``Grader(sandbox=…)``)
chooses. A choice that cannot run here is a one-line
:class:`SandboxUnavailable`. Nothing here runs Linux-only code at import.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any, Protocol

# the choice lives in a light module of its own
from grader.sandbox.choice import BACKENDS as BACKENDS
from grader.sandbox.choice import CHOICES as CHOICES
from grader.sandbox.choice import ENV_VAR as ENV_VAR
from grader.sandbox.choice import SandboxUnavailable as SandboxUnavailable
from grader.sandbox.choice import choose as choose
from grader.sandbox.choice import linux_missing as linux_missing
from grader.verdict.outcome import Outcome
from grader.workers.exchange import RunSpec, log_end
from grader.workers.session import Session
from grader.workers.worker import Worker, WorkerError, marked_processes

log = logging.getLogger(__name__)


def confinement(backend: str) -> dict[str, Any]:
    """What the backend confines on this machine, feature by feature (for ``quizapp doctor``)."""
    from grader.sandbox import rlimits, seccomp

    limits = ["cpu", "file size", "core", "open files"] if rlimits.available() else []
    common = {
        "gpu_hidden": True,  # CUDA_VISIBLE_DEVICES="" and torch.cuda.is_available() False
        "time_limit": "wall clock, watched by the app",
        "output_cap_mb": 1,
        "working_folder": "a fresh temporary folder per run",
        "environment": "scrubbed",
        "process_tree_killed": True,
    }
    if backend == "linux":
        from grader.sandbox import landlock

        abi = landlock.abi_version()
        return {
            **common,
            "landlock_abi": abi,
            "file_reads_confined": abi >= 1,
            "file_writes_confined": abi >= 1,
            "network_confined": abi >= 4,
            "read_list": "the interpreter, the standard library, site-packages, the grader "
            "package and the loader's files of /etc: no checkout (.git, tests), bank or data "
            "folder"
            if abi >= 1
            else "not confined (no Landlock)",
            "seccomp": seccomp.supported(),
            "signals_confined": seccomp.supported() or abi >= 6,
            "sockets": "Unix socket pairs only: no UDP, no other family, no connect (seccomp)"
            if seccomp.supported()
            else ("no TCP (Landlock)" if abi >= 4 else "not confined"),
            "kernel_sent_signals": "fcntl F_SETOWN/F_SETOWN_EX/F_SETSIG and ioctl FIOSETOWN/"
            "SIOCSPGRP refused (seccomp)"
            if seccomp.supported()
            else ("scoped (Landlock)" if abi >= 6 else "not confined"),
            "subreaper": linux_missing() is None,
            "resource_limits": ["data", *limits],
            "memory_watch": "/proc, every process of the run: anonymous and shared memory, "
            "memory files (memfd)",
            "disk_watch": "working folder: files, every folder, files deleted while open",
            "training_cpu": "the whole process tree, measured by the app (/proc)",
            "code_in_warm_worker": "never: each run's code goes straight to its child",
        }
    return {
        **common,
        "landlock_abi": 0,
        "file_reads_confined": False,
        "file_writes_confined": False,
        "network_confined": False,
        "read_list": "not confined",
        "seccomp": False,
        "signals_confined": False,
        "sockets": "not confined",
        "kernel_sent_signals": "not confined",
        "subreaper": False,
        "resource_limits": (["data"] if sys.platform.startswith("linux") else []) + limits,
        "memory_watch": "psutil, every process of the worker's tree",
        "disk_watch": "working folder: files and every folder",
        "training_cpu": "the worker's tree, measured by the app (psutil); a process that "
        "leaves the tree (double fork) takes its time with it",
        "code_in_warm_worker": "never: every run has a fresh worker",
        "job_object": False,  # Windows: would need pywin32; psutil watching is the fallback
    }


class Runner(Protocol):
    """One dispatcher thread's sandbox: runs one job at a time."""

    def run(self, spec: RunSpec, wake_fd: int | None, cancelled: Callable[[], bool]) -> Outcome: ...
    def wait_warm(self, timeout: float) -> None: ...
    def stop(self) -> None: ...
    def processes(self) -> list[int]: ...


class LinuxRunner:
    """A zygote (:class:`grader.workers.worker.Worker`), restarted before a job when it died."""

    def __init__(self, python: str | None = None, *, landlock: bool = True) -> None:
        self.worker = Worker(python, landlock=landlock)

    def run(self, spec: RunSpec, wake_fd: int | None, cancelled: Callable[[], bool]) -> Outcome:
        if not self.worker.alive:
            if self.worker.marker:  # it ran before: a restart
                log.info("%s: restarting the grading worker first", spec.label)
            try:
                self.worker.start()
            except WorkerError as exc:
                outcome = Outcome(
                    mode=spec.mode, time_limit_s=spec.time_limit_s, memory_mb=spec.memory_mb
                )
                outcome.worker_failure = exc.text
                return outcome
        outcome = Session(self.worker, spec, wake_fd).run()
        log_end(spec, outcome)
        if outcome.worker_failure:
            self.worker.stop()  # restarted before the next job
        return outcome

    def wait_warm(self, timeout: float) -> None:
        """Nothing to wait for between jobs: the zygote stays warm (it starts with the first job)."""

    def stop(self) -> None:
        self.worker.stop()

    def processes(self) -> list[int]:
        """Processes of this zygote's sandboxes still alive (the zygote excluded)."""
        zygote = self.worker.process.pid if self.worker.process is not None else None
        marker = self.worker.marker
        return [p for p in marked_processes(marker) if p != zygote] if marker else []


def make_runner(backend: str, python: str | None = None, *, landlock: bool = True) -> Runner:
    if backend == "linux":
        return LinuxRunner(python, landlock=landlock)
    from grader.workers.portable import PortableRunner

    return PortableRunner(python)

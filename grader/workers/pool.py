"""The grader's public face: a pool of warm workers behind a thread-safe queue.

``Grader`` lives in the app's process and never imports torch. Each of its
dispatcher threads owns one sandbox runner of the chosen backend
(:mod:`grader.workers.backends`: a zygote on Linux, single-use spawned workers
elsewhere) and runs one job at a time on it; a worker that dies is replaced
before the next job. Each kind of job is a class of :mod:`grader.jobs`; reference
observations are computed once per task (and per version of its files) in a
sandbox of their own, then reused (:mod:`grader.jobs.shared`).

    with Grader() as grader:
        result = grader.grade(task, source)          # GradeResult
        handle = grader.submit(task, source)         # from any thread
        handle.cancel()

A graded result carries nothing the submission printed unless the caller
asks (``show_output=True``, for a teacher): a submission can find the hidden
tests in its own process and print them. A failure of the grader itself
(a worker that cannot start or dies, a broken reference solution) has
``error_kind="internal"``: it is not held against the student.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
import time
import weakref
from collections.abc import Iterable
from concurrent.futures import Future
from pathlib import Path
from typing import Literal

from grader.jobs import training
from grader.jobs.base import Job
from grader.jobs.grade import GradeJob
from grader.jobs.run import RunJob
from grader.jobs.shared import Helper, Shared
from grader.jobs.task import TaskLike
from grader.jobs.train import TrainJob
from grader.jobs.warm import AssistJob, ReferenceJob
from grader.sandbox.limits import Limits
from grader.text import as_text
from grader.verdict.judge import Reference, ReferenceBroken
from grader.verdict.messages import msg
from grader.verdict.result import GradeResult, RunResult
from grader.workers import backends
from grader.workers.handle import Handle
from grader.workers.meter import cpu_meter

Mode = Literal["grade", "run"]

log = logging.getLogger(__name__)


class Grader:
    """A pool of ``workers`` warm sandboxes (default: min(2, CPUs)); thread-safe.

    ``sandbox`` is ``"auto"``, ``"linux"`` or ``"portable"`` (default:
    ``$QUIZAPP_SANDBOX``, else auto; see :mod:`grader.workers.backends`); one that
    cannot run here raises :class:`grader.workers.backends.SandboxUnavailable`.
    ``landlock=False`` runs the Linux sandbox as on a kernel without Landlock
    (limits, seccomp and process tracking only): for testing that fallback.
    ``hidden`` are folders no sandboxed run may read, beyond the task's own bank
    (the app passes the bundled bank).
    """

    def __init__(
        self,
        workers: int | None = None,
        *,
        python: str | None = None,
        landlock: bool = True,
        sandbox: str | None = None,
        hidden: Iterable[str | os.PathLike[str]] = (),
    ) -> None:
        self.backend = backends.choose(sandbox)
        self.size = max(1, workers or min(2, os.cpu_count() or 1))
        self._python = python
        self._landlock = landlock
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._runners: list[backends.Runner] = []
        self._lock = threading.Lock()
        folders = [str(Path(folder).resolve()) for folder in hidden]
        self._shared = Shared(self.size, folders, self._ask_for_help)
        self._closed = False
        self._active: set[Handle] = set()
        self._finalizer = weakref.finalize(
            self, Grader._shutdown, self._runners, self._queue, self._threads, self._active
        )

    # -- lifecycle ---------------------------------------------------------------

    def warm_up(self, tasks: list[TaskLike] | tuple[TaskLike, ...] = ()) -> None:
        """Start the workers now (non-blocking); optionally compute references of ``tasks``."""
        self._ensure_threads()
        for task in tasks:
            self._queue.put(ReferenceJob(Handle(task.id), task))

    def wait_warm(self, timeout: float = 120.0) -> None:
        """Wait until every worker that has started is warm (for benchmarks: the portable
        backend's next worker warms up in the background between jobs)."""
        self._ensure_threads()
        for runner in list(self._runners):
            runner.wait_warm(timeout)

    def _ensure_threads(self) -> None:
        with self._lock:
            if self._closed:
                raise RuntimeError("the grader is closed")
            while len(self._threads) < self.size:
                runner = backends.make_runner(self.backend, self._python, landlock=self._landlock)
                thread = threading.Thread(
                    target=self._dispatch,
                    args=(runner,),
                    name=f"grader-{len(self._threads)}",
                    daemon=True,
                )
                self._runners.append(runner)
                self._threads.append(thread)
                log.debug("dispatcher %s started (%s backend)", thread.name, self.backend)
                thread.start()

    def close(self) -> None:
        """Cancel what is queued or running, kill every worker and wait for the threads."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        pending: list[Job] = []
        with contextlib.suppress(queue.Empty):
            while True:
                job = self._queue.get_nowait()
                if job is not None:
                    pending.append(job)
        for job in pending:
            job.handle.cancel()
        if pending:
            log.info("closing: %d queued job(s) cancelled", len(pending))
        self._finalizer()

    @staticmethod
    def _shutdown(
        runners: list[backends.Runner],
        jobs: queue.Queue[Job | None],
        threads: list[threading.Thread],
        active: set[Handle],
    ) -> None:
        for handle in list(active):
            handle.cancel()  # the running sessions ask their zygotes to kill, and return
        for _ in threads:
            jobs.put(None)
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join(timeout=10)
        for runner in runners:
            runner.stop()

    def sandbox_processes(self) -> list[int]:
        """Processes started by this grader's sandboxes that are still alive (idle workers excluded).

        Empty between jobs: a diagnostic for tests and for the curious.
        """
        return sorted({pid for runner in list(self._runners) for pid in runner.processes()})

    def __enter__(self) -> Grader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- submitting --------------------------------------------------------------

    def submit(
        self,
        task: TaskLike | None,
        source: str,
        mode: Mode = "grade",
        *,
        show_output: bool = False,
        name: str | None = None,
    ) -> Handle:
        """Queue ``source`` for grading against ``task`` (or for a plain run: ``mode="run"``).

        ``show_output=True`` puts what a graded run printed into the result's
        ``output`` (cut to a few KB); a plain run always returns its output.
        ``name`` (the submission's file name) only goes into the log.
        """
        if mode not in ("grade", "run"):
            raise ValueError(f"unknown mode {mode!r}")
        if mode == "grade" and task is None:
            raise ValueError("grading needs a task")
        self._ensure_threads()
        handle = Handle(task.id if task else None)
        job: Job
        if task is not None and training.is_training(task):
            limits = training.limits_for(task)  # type: ignore[arg-type]
            job = TrainJob(handle, task, source, limits, show_output, name, smoke=mode == "run")
        else:
            limits = (
                Limits() if task is None else Limits(float(task.time_limit_s), int(task.memory_mb))
            )
            kind = RunJob if mode == "run" else GradeJob
            job = kind(handle, task, source, limits, show_output, name)
        log.info("queued: %s", job.describe())
        self._queue.put(job)
        return handle

    def grade(
        self,
        task: TaskLike,
        source: str,
        timeout: float | None = None,
        *,
        show_output: bool = False,
        name: str | None = None,
    ) -> GradeResult:
        result = self.submit(task, source, show_output=show_output, name=name).result(timeout)
        assert isinstance(result, GradeResult)
        return result

    def reference(self, task: TaskLike, timeout: float | None = None) -> Reference:
        """What the task's reference solution shows (computed once, then remembered).

        Raises :class:`grader.verdict.judge.ReferenceBroken` when it cannot be had.
        """
        self._ensure_threads()
        handle = Handle(task.id)
        self._queue.put(ReferenceJob(handle, task))
        result = handle.result(timeout)
        future: Future[Reference] | None = self._shared.known_reference(task)
        if future is None:
            raise ReferenceBroken(as_text(getattr(result, "error", None) or msg("no_detail")))
        return future.result()

    def run(self, task: TaskLike | None, source: str, timeout: float | None = None) -> RunResult:
        result = self.submit(task, source, mode="run").result(timeout)
        assert isinstance(result, RunResult)
        return result

    def _ask_for_help(self, task: TaskLike, helper: Helper) -> None:
        self._queue.put(AssistJob(Handle(task.id), task, helper=helper))

    # -- the dispatcher threads ----------------------------------------------------

    def _dispatch(self, runner: backends.Runner) -> None:
        wake_r, wake_w = os.pipe()
        os.set_blocking(wake_r, False)  # Windows: pipes since Python 3.12
        try:
            while True:
                job = self._queue.get()
                if job is None:
                    return
                # a live CPU figure only for training runs: the screen shows it against the budget
                meter = cpu_meter(runner) if isinstance(job, TrainJob) else None
                if not job.handle._start(wake_w, meter):
                    log.info("cancelled before it started: %s", job.describe())
                    continue
                with contextlib.suppress(OSError):
                    while os.read(wake_r, 64):
                        pass
                self._active.add(job.handle)
                try:
                    result = self._execute(runner, job, wake_r)
                finally:
                    self._active.discard(job.handle)
                job.handle._finish(result)
        finally:
            os.close(wake_r)
            os.close(wake_w)
            runner.stop()

    def _execute(self, runner: backends.Runner, job: Job, wake_r: int) -> GradeResult | RunResult:
        level = logging.DEBUG if job.quiet else logging.INFO
        started = time.monotonic()
        log.log(level, "started: %s (waited %.2f s)", job.describe(), started - job.enqueued)
        try:
            result = job.execute(self._shared, runner, wake_r)
        except Exception as exc:  # never leave a handle waiting
            log.exception("failed: %s", job.describe())
            result = job.failure(msg("internal_error", detail=f"{type(exc).__name__}: {exc}"))
        took = time.monotonic() - started
        log.log(level, "finished: %s: %s in %.2f s", job.describe(), _status(result), took)
        return result


def _status(result: GradeResult | RunResult) -> str:
    """A result in a few words, for the log."""
    if isinstance(result, RunResult):
        return "ok" if result.ok else f"error ({result.error_kind})"
    if result.error_kind is not None:
        return f"error ({result.error_kind})"
    return f"{'passed' if result.passed else 'failed'} {result.score:g}/{result.max_score:g}"

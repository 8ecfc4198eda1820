"""The grader's public face: a pool of warm workers behind a thread-safe queue.

``Grader`` lives in the app's process and never imports torch. Each of its
dispatcher threads owns one sandbox runner of the chosen backend
(:mod:`grader.backends`: a zygote on Linux, single-use spawned workers
elsewhere) and runs one job at a time on it; a worker that dies is replaced
before the next job. Reference observations are computed once per task (and per
version of its files) in a sandbox of their own, then reused.

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
import hashlib
import json
import logging
import os
import queue
import threading
import time
import weakref
import zlib
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypeVar

from . import backends, diagnose, examples, judge, training
from .exchange import RunSpec
from .handle import Handle
from .judge import Reference, ReferenceBroken
from .limits import REFERENCE_TIME_FACTOR, Limits
from .messages import msg
from .outcome import Outcome
from .result import ErrorKind, GradeResult, RunResult
from .text import Text, as_text

_T = TypeVar("_T")
Mode = Literal["grade", "run"]
_JobMode = Literal["grade", "run", "reference", "assist"]

log = logging.getLogger(__name__)


class TaskLike(Protocol):
    """What the grader needs of a task (``question_bank.Task`` has it)."""

    @property
    def id(self) -> str: ...
    @property
    def points(self) -> float: ...
    @property
    def time_limit_s(self) -> float: ...
    @property
    def memory_mb(self) -> int: ...
    def read(self, name: str) -> str: ...


def _hidden_paths(task: TaskLike) -> list[str]:
    """Folders the sandbox must not read: the task's bank and the bundled bank."""
    paths = []
    folder = getattr(task, "folder", None)
    if folder is not None and str(folder) not in ("", "."):
        paths.append(str(folder.resolve().parent.parent))
    with contextlib.suppress(Exception):
        from question_bank import bundled_bank_dir

        paths.append(str(bundled_bank_dir().resolve()))
    return sorted(set(paths))


def task_seed(task_id: str) -> int:
    return zlib.crc32(task_id.encode()) & 0x7FFFFFFF


@dataclass
class _Job:
    handle: Handle
    task: TaskLike | None
    source: str
    mode: _JobMode
    limits: Limits = field(default_factory=Limits)
    show_output: bool = False
    assist: Callable[[backends.Runner], None] | None = None  # mode "assist": help with this
    enqueued: float = field(default_factory=time.monotonic)


class Grader:
    """A pool of ``workers`` warm sandboxes (default: min(2, CPUs)); thread-safe.

    ``sandbox`` is ``"auto"``, ``"linux"`` or ``"portable"`` (default:
    ``$QUIZAPP_SANDBOX``, else auto; see :mod:`grader.backends`); one that
    cannot run here raises :class:`grader.backends.SandboxUnavailable`.
    ``landlock=False`` runs the Linux sandbox as on a kernel without Landlock
    (limits, seccomp and process tracking only): for testing that fallback.
    """

    def __init__(
        self,
        workers: int | None = None,
        *,
        python: str | None = None,
        landlock: bool = True,
        sandbox: str | None = None,
    ) -> None:
        self.backend = backends.choose(sandbox)
        self.size = max(1, workers or min(2, os.cpu_count() or 1))
        self._python = python
        self._landlock = landlock
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._runners: list[backends.Runner] = []
        self._lock = threading.Lock()
        self._references: dict[str, Future[Reference]] = {}
        self._signature_cache: dict[str, Future[list[diagnose.Signature]]] = {}
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
            self._queue.put(_Job(Handle(task.id), task, "", "reference"))

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
                thread.start()

    def close(self) -> None:
        """Cancel what is queued or running, kill every worker and wait for the threads."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        pending: list[_Job] = []
        with contextlib.suppress(queue.Empty):
            while True:
                job = self._queue.get_nowait()
                if job is not None:
                    pending.append(job)
        for job in pending:
            job.handle.cancel()
        self._finalizer()

    @staticmethod
    def _shutdown(
        runners: list[backends.Runner],
        jobs: queue.Queue[_Job | None],
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
    ) -> Handle:
        """Queue ``source`` for grading against ``task`` (or for a plain run: ``mode="run"``).

        ``show_output=True`` puts what a graded run printed into the result's
        ``output`` (cut to a few KB); a plain run always returns its output.
        """
        if mode not in ("grade", "run"):
            raise ValueError(f"unknown mode {mode!r}")
        if mode == "grade" and task is None:
            raise ValueError("grading needs a task")
        self._ensure_threads()
        if task is None:
            limits = Limits()
        elif training.is_training(task):
            limits = training.limits_for(task)  # type: ignore[arg-type]
        else:
            limits = Limits(float(task.time_limit_s), int(task.memory_mb))
        handle = Handle(task.id if task else None)
        self._queue.put(_Job(handle, task, source, mode, limits, show_output))
        return handle

    def grade(
        self,
        task: TaskLike,
        source: str,
        timeout: float | None = None,
        *,
        show_output: bool = False,
    ) -> GradeResult:
        result = self.submit(task, source, show_output=show_output).result(timeout)
        assert isinstance(result, GradeResult)
        return result

    def reference(self, task: TaskLike, timeout: float | None = None) -> Reference:
        """What the task's reference solution shows (computed once, then remembered).

        Raises :class:`grader.judge.ReferenceBroken` when it cannot be had.
        """
        self._ensure_threads()
        handle = Handle(task.id)
        self._queue.put(_Job(handle, task, "", "reference"))
        result = handle.result(timeout)
        with self._lock:
            future = self._references.get(
                _digest(
                    task.id,
                    task.read("solution.py"),
                    task.read("hidden_tests.py"),
                    contract_of(task),
                )
            )
        if future is None:
            raise ReferenceBroken(as_text(getattr(result, "error", None) or msg("no_detail")))
        return future.result()

    def run(self, task: TaskLike | None, source: str, timeout: float | None = None) -> RunResult:
        result = self.submit(task, source, mode="run").result(timeout)
        assert isinstance(result, RunResult)
        return result

    # -- the dispatcher threads ----------------------------------------------------

    def _dispatch(self, runner: backends.Runner) -> None:
        wake_r, wake_w = os.pipe()
        os.set_blocking(wake_r, False)  # Windows: pipes since Python 3.12
        try:
            while True:
                job = self._queue.get()
                if job is None:
                    return
                if not job.handle._start(wake_w, cpu_meter(runner)):
                    continue
                with contextlib.suppress(OSError):
                    while os.read(wake_r, 64):
                        pass
                self._active.add(job.handle)
                try:
                    result = self._execute(runner, job, wake_r)
                except Exception as exc:  # never leave a handle waiting
                    log.exception("grading job for %s failed", job.handle.task_id)
                    detail = f"{type(exc).__name__}: {exc}"
                    result = self._failure(job, msg("internal_error", detail=detail))
                finally:
                    self._active.discard(job.handle)
                job.handle._finish(result)
        finally:
            os.close(wake_r)
            os.close(wake_w)
            runner.stop()

    def _execute(self, runner: backends.Runner, job: _Job, wake_r: int) -> GradeResult | RunResult:
        started = time.monotonic()
        task = job.task
        if task is not None and training.is_training(task):
            if job.mode == "reference":  # nothing to compute ahead: no hidden tests
                return self._failure(job, msg("reference_computed"))
            return self._train(runner, job, wake_r)
        if job.mode == "run":
            return self._run(runner, job, wake_r, started)
        if job.mode == "assist":  # another job's shared work, on this idle worker
            assert job.assist is not None
            job.assist(runner)
            return self._failure(job, msg("reference_computed"))
        assert task is not None
        if job.mode == "reference":  # warming up: compute and remember, nobody waits
            try:
                self._reference(runner, task)
            except ReferenceBroken as exc:
                return self._failure(job, exc.text)
            return self._failure(job, msg("reference_computed"))
        try:
            reference = self._reference(runner, task)
        except ReferenceBroken as exc:
            log.error("task %s cannot be graded: %s", task.id, exc)
            return self._failure(job, msg("task_ungradable", detail=exc.text))
        hidden = task.read("hidden_tests.py")
        spec = self._grade_spec(task, job.source, job.limits, hidden, reference)
        outcome = runner.run(spec, wake_r, job.handle.cancelled)
        result = judge.grade(
            task.id,
            float(task.points),
            reference,
            outcome,
            hidden_source=hidden,
            reference_source=task.read("solution.py"),
            own_source=job.source,
            show_output=job.show_output,
        )
        if result.passed or result.error_kind == "internal":
            return result
        signatures = self._signatures(runner, task, reference, hidden, job.limits)
        found = diagnose.diagnoses(signatures, outcome, job.source, reference)
        return result.model_copy(update={"diagnoses": found}) if found else result

    @staticmethod
    def _grade_spec(
        task: TaskLike, source: str, limits: Limits, hidden: str, reference: Reference
    ) -> RunSpec:
        return RunSpec(
            mode="grade",
            source=source,
            task_id=task.id,
            time_limit_s=limits.time_s,
            memory_mb=limits.memory_mb,
            hidden=hidden,
            seed=task_seed(task.id),
            hidden_paths=_hidden_paths(task),
            exports=reference.exports,
        )

    def _signatures(
        self,
        runner: backends.Runner,
        task: TaskLike,
        reference: Reference,
        hidden: str,
        limits: Limits,
    ) -> list[diagnose.Signature]:
        """The task's catalogued mistakes as the hidden tests see them: run once, then reused."""
        mistakes = list(getattr(task, "mistakes", ()))
        if not mistakes:
            return []
        parts = [task.id, task.read("solution.py"), hidden]
        parts += [f"{m.id}\0{m.source}" for m in mistakes]
        key = hashlib.sha256("\0".join(parts).encode()).hexdigest()
        future, mine = self._claim(self._signature_cache, key)
        if not mine:
            return future.result()
        outcomes = self._run_shared(
            runner,
            task,
            [self._grade_spec(task, m.source, limits, hidden, reference) for m in mistakes],
        )
        if outcomes is None:  # a worker failed: not the mistakes' fault, try again next time
            with self._lock:
                self._signature_cache.pop(key, None)
            future.set_result([])
            return []
        found: list[diagnose.Signature] = []
        for mistake, outcome in zip(mistakes, outcomes, strict=True):
            words = mistake.message
            text = as_text(words if isinstance(words, dict) else {"en": words.en, "ko": words.ko})
            sig = diagnose.signature(mistake.id, text, reference, outcome)
            if sig is not None:
                found.append(sig)
        future.set_result(found)
        return found

    def _run_shared(
        self, runner: backends.Runner, task: TaskLike, specs: list[RunSpec]
    ) -> list[Outcome] | None:
        """Run trusted ``specs`` (a task's catalogued mistakes) on this worker and on any other
        that is idle, in order of the list; None when a worker failed. The other workers help
        through "assist" jobs, which return at once when nothing is left to take."""
        pending = list(enumerate(specs))
        outcomes: dict[int, Outcome] = {}
        running = 0
        failed = False
        done = threading.Condition()

        def work(own: backends.Runner) -> None:
            nonlocal running, failed
            while True:
                with done:
                    if failed or not pending:
                        return
                    index, spec = pending.pop(0)
                    running += 1
                outcome = own.run(spec, None, _never)  # shared by every job: not cancellable
                with done:
                    running -= 1
                    outcomes[index] = outcome
                    failed = failed or bool(outcome.worker_failure)
                    done.notify_all()

        for _ in range(self.size - 1):
            self._queue.put(_Job(Handle(task.id), task, "", "assist", assist=work))
        work(runner)
        with done:
            done.wait_for(lambda: running == 0)
        if failed:
            return None
        return [outcomes[i] for i in range(len(specs))]

    def _train(self, runner: backends.Runner, job: _Job, wake_r: int) -> GradeResult | RunResult:
        """A training task: train in the sandbox, judge here (``run`` mode: a quick smoke run)."""
        task = job.task
        assert task is not None
        smoke = job.mode == "run"
        conversation = training.Conversation(
            training.load_inputs(task),  # type: ignore[arg-type]
            requires=list(getattr(task, "requires", [])),
            forbids=list(getattr(task, "forbids", [])),
            smoke=smoke,
        )
        spec = RunSpec(
            mode="train",
            source=job.source,
            task_id=task.id,
            time_limit_s=job.limits.time_s,
            memory_mb=job.limits.memory_mb,
            hidden_paths=_hidden_paths(task),
            cpu_limit_s=job.limits.cpu_s,
            conversation=conversation,
        )
        outcome = runner.run(spec, wake_r, job.handle.cancelled)
        if smoke:
            return training.smoke_result(task, outcome, conversation)  # type: ignore[arg-type]
        result = training.verdict(task, outcome, conversation)  # type: ignore[arg-type]
        if job.show_output:
            result = result.model_copy(update={"output": outcome.output()})
        return result

    def _run(self, runner: backends.Runner, job: _Job, wake_r: int, started: float) -> RunResult:
        task = job.task
        spec = RunSpec(
            mode="run",
            source=job.source,
            task_id=task.id if task else "",
            time_limit_s=job.limits.time_s,
            memory_mb=job.limits.memory_mb,
            hidden_paths=_hidden_paths(task) if task else [],
            example=examples.encode(examples.parse(str(getattr(task, "prompt", "") or ""))),
        )
        outcome = runner.run(spec, wake_r, job.handle.cancelled)
        problem = outcome.problem()
        error, kind = (problem.text, problem.kind) if problem else (None, None)
        notes: list[Text] = []
        if outcome.run_done is not None and problem is None:
            reported = outcome.run_done.get("error")
            error = None if reported is None else as_text(reported)
            kind = "submission" if error else None
            notes = examples.notes_of(outcome.run_done.get("notes"))
        return RunResult(
            task=task.id if task else None,
            ok=error is None,
            error=error,
            error_kind=kind,
            stdout=outcome.stdout.text(),
            stderr=outcome.stderr.text(),
            duration_s=round(time.monotonic() - started, 3),
            notes=notes,
        )

    def _claim(self, cache: dict[str, Future[_T]], key: str) -> tuple[Future[_T], bool]:
        """The cached future for ``key``, and whether this thread must compute it (first asker)."""
        with self._lock:
            future = cache.get(key)
            if future is not None:
                return future, False
            future = cache[key] = Future()
            return future, True

    def _reference(self, runner: backends.Runner, task: TaskLike) -> Reference:
        solution, hidden = task.read("solution.py"), task.read("hidden_tests.py")
        digest = _digest(task.id, solution, hidden, contract_of(task))
        future, mine = self._claim(self._references, digest)
        if not mine:
            return future.result()
        try:
            spec = RunSpec(
                mode="reference",
                source=solution,
                task_id=task.id,
                time_limit_s=float(task.time_limit_s) * REFERENCE_TIME_FACTOR,
                memory_mb=int(task.memory_mb),
                hidden=hidden,
                seed=task_seed(task.id),
                hidden_paths=_hidden_paths(task),
                exports=_contract_exports(task),
            )
            outcome = runner.run(spec, None, _never)  # shared by every job: not cancellable
            if outcome.worker_failure:  # not the task's fault: do not remember it
                with self._lock:
                    self._references.pop(digest, None)
                raise ReferenceBroken(outcome.worker_failure)
            reference = judge.reference_from(outcome)
        except BaseException as exc:
            future.set_exception(exc)
            raise
        future.set_result(reference)
        return reference

    @staticmethod
    def _failure(job: _Job, error: Text, kind: ErrorKind = "internal") -> GradeResult | RunResult:
        """The result of a job the grader could not carry out (its own fault, by default)."""
        task = job.task
        if job.mode == "run":
            task_id = task.id if task else None
            return RunResult(task=task_id, ok=False, error=error, error_kind=kind, duration_s=0.0)
        assert task is not None
        return GradeResult.failure(task.id, float(task.points), error, kind)


def cpu_meter(runner: backends.Runner) -> Callable[[], float]:
    """What a job on ``runner`` has used of the CPU so far, measured from this process.

    On Linux: everything below the zygote (its forked run and all the run started, living
    or reaped by it) less what the zygote had reaped before the job, read from /proc: the
    kernel's accounting, which the sandboxed code cannot change. Elsewhere: the runner's
    processes through psutil."""
    if isinstance(runner, backends.LinuxRunner):
        from . import procs

        worker = runner.worker

        # the zygote's pid and what it had reaped before the job; a zygote (re)started for
        # the job has reaped nothing before it
        before: dict[int, float] = {}
        if worker.alive and worker.process is not None:
            before[worker.process.pid] = procs.tree_cpu_s(worker.process.pid)

        def measure_tree() -> float:
            process = worker.process
            if process is None or process.poll() is not None:
                return 0.0
            return procs.tree_cpu_s(process.pid) - before.get(process.pid, 0.0)

        return measure_tree

    def measure_processes() -> float:
        import psutil

        total = 0.0
        for pid in runner.processes():
            with contextlib.suppress(psutil.Error):
                t = psutil.Process(pid).cpu_times()
                total += t.user + t.system + t.children_user + t.children_system
        return total

    return measure_processes


def _never() -> bool:
    return False


def _digest(task_id: str, solution: str, hidden: str, contract: dict[str, Any] | None) -> str:
    """Identifies a task's reference: its id and the files the reference run depends on."""
    drawn = json.dumps(contract, sort_keys=True)
    return hashlib.sha256(f"{task_id}\0{solution}\0{hidden}\0{drawn}".encode()).hexdigest()


def contract_of(task: TaskLike) -> dict[str, Any] | None:
    """The task's contract as plain data (``question_bank.Task.contract``), or None."""
    found = getattr(task, "contract", None)
    if found is None:
        return None
    if isinstance(found, dict):
        return found
    dumped = found.model_dump(mode="json", exclude_none=True)
    return dumped if isinstance(dumped, dict) else None


def _contract_exports(task: TaskLike) -> dict[str, Any]:
    """What the reference run's probe starts with: the contract it draws inputs from."""
    contract = contract_of(task)
    return {} if contract is None else {"contract": contract}

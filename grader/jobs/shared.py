"""The work jobs share: a task's reference observations and its catalogued mistakes' signatures.

Both are computed once per task (and per version of its files) by the first job that needs
them, on that job's worker, then reused by every other job; a worker's failure is not
remembered (the next job tries again).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Any, TypeVar

from grader.jobs.task import TaskLike, contract_exports, contract_of, hidden_paths, task_seed
from grader.sandbox.limits import REFERENCE_TIME_FACTOR, Limits
from grader.text import as_text
from grader.verdict import diagnose, judge
from grader.verdict.judge import Reference, ReferenceBroken
from grader.verdict.outcome import Outcome
from grader.workers.backends import Runner
from grader.workers.exchange import RunSpec

_T = TypeVar("_T")
Helper = Callable[[Runner], None]

log = logging.getLogger(__name__)


def never() -> bool:
    return False


def digest(task_id: str, solution: str, hidden: str, contract: dict[str, Any] | None) -> str:
    """Identifies a task's reference: its id and the files the reference run depends on."""
    drawn = json.dumps(contract, sort_keys=True)
    return hashlib.sha256(f"{task_id}\0{solution}\0{hidden}\0{drawn}".encode()).hexdigest()


def reference_digest(task: TaskLike) -> str:
    solution, hidden = task.read("solution.py"), task.read("hidden_tests.py")
    return digest(task.id, solution, hidden, contract_of(task))


class Shared:
    """The pool's caches and what every job needs of the pool.

    ``ask_for_help(task, helper)`` queues one "assist" job per other worker: an idle
    worker runs ``helper`` with its own runner.
    """

    def __init__(
        self,
        size: int,
        hidden: Sequence[str],
        ask_for_help: Callable[[TaskLike, Helper], None],
    ) -> None:
        self.size = size
        self.hidden = list(hidden)
        self._ask_for_help = ask_for_help
        self._lock = threading.Lock()
        self._references: dict[str, Future[Reference]] = {}
        self._signatures: dict[str, Future[list[diagnose.Signature]]] = {}

    def hidden_paths(self, task: TaskLike | None) -> list[str]:
        return hidden_paths(task, self.hidden)

    def _claim(self, cache: dict[str, Future[_T]], key: str) -> tuple[Future[_T], bool]:
        """The cached future for ``key``, and whether this thread must compute it (first asker)."""
        with self._lock:
            future = cache.get(key)
            if future is not None:
                return future, False
            future = cache[key] = Future()
            return future, True

    def known_reference(self, task: TaskLike) -> Future[Reference] | None:
        with self._lock:
            return self._references.get(reference_digest(task))

    def reference(self, runner: Runner, task: TaskLike) -> Reference:
        key = reference_digest(task)
        future, mine = self._claim(self._references, key)
        if not mine:
            return future.result()
        try:
            spec = RunSpec(
                mode="reference",
                source=task.read("solution.py"),
                task_id=task.id,
                time_limit_s=float(task.time_limit_s) * REFERENCE_TIME_FACTOR,
                memory_mb=int(task.memory_mb),
                hidden=task.read("hidden_tests.py"),
                seed=task_seed(task.id),
                hidden_paths=self.hidden_paths(task),
                exports=contract_exports(task),
                name="solution.py",
            )
            outcome = runner.run(spec, None, never)  # shared by every job: not cancellable
            if outcome.worker_failure:  # not the task's fault: do not remember it
                with self._lock:
                    self._references.pop(key, None)
                log.warning("task %s: the reference run failed; tried again next time", task.id)
                raise ReferenceBroken(outcome.worker_failure)
            reference = judge.reference_from(outcome)
        except BaseException as exc:
            future.set_exception(exc)
            raise
        future.set_result(reference)
        log.info("task %s: reference computed", task.id)
        return reference

    def grade_spec(
        self,
        task: TaskLike,
        source: str,
        limits: Limits,
        hidden: str,
        reference: Reference,
        name: str | None = None,
    ) -> RunSpec:
        return RunSpec(
            mode="grade",
            source=source,
            task_id=task.id,
            time_limit_s=limits.time_s,
            memory_mb=limits.memory_mb,
            hidden=hidden,
            seed=task_seed(task.id),
            hidden_paths=self.hidden_paths(task),
            exports=reference.exports,
            name=name or "",
        )

    def signatures(
        self, runner: Runner, task: TaskLike, reference: Reference, hidden: str, limits: Limits
    ) -> list[diagnose.Signature]:
        """The task's catalogued mistakes as the hidden tests see them: run once, then reused."""
        mistakes = list(getattr(task, "mistakes", ()))
        if not mistakes:
            return []
        parts = [task.id, task.read("solution.py"), hidden]
        parts += [f"{m.id}\0{m.source}" for m in mistakes]
        key = hashlib.sha256("\0".join(parts).encode()).hexdigest()
        future, mine = self._claim(self._signatures, key)
        if not mine:
            return future.result()
        specs = [
            self.grade_spec(task, m.source, limits, hidden, reference, f"mistake {m.id}")
            for m in mistakes
        ]
        outcomes = self._run_shared(runner, task, specs)
        if outcomes is None:  # a worker failed: not the mistakes' fault, try again next time
            with self._lock:
                self._signatures.pop(key, None)
            log.warning("task %s: a mistake's run failed; tried again next time", task.id)
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
        self, runner: Runner, task: TaskLike, specs: list[RunSpec]
    ) -> list[Outcome] | None:
        """Run trusted ``specs`` (a task's catalogued mistakes) on this worker and on any other
        that is idle, in order of the list; None when a worker failed. The other workers help
        through "assist" jobs, which return at once when nothing is left to take."""
        pending = list(enumerate(specs))
        outcomes: dict[int, Outcome] = {}
        running = 0
        failed = False
        done = threading.Condition()

        def work(own: Runner) -> None:
            nonlocal running, failed
            while True:
                with done:
                    if failed or not pending:
                        return
                    index, spec = pending.pop(0)
                    running += 1
                outcome = own.run(spec, None, never)  # shared by every job: not cancellable
                with done:
                    running -= 1
                    outcomes[index] = outcome
                    failed = failed or bool(outcome.worker_failure)
                    done.notify_all()

        for _ in range(self.size - 1):
            self._ask_for_help(task, work)
        work(runner)
        with done:
            done.wait_for(lambda: running == 0)
        if failed:
            return None
        return [outcomes[i] for i in range(len(specs))]

"""A job of the pool: what to run, for whom, and how it turns into a result.

Each kind of job is a class that knows how to run itself on a worker's runner
(:meth:`Job.execute`) and what it returns when the grader cannot carry it out
(:meth:`Job.failure`). The pool (:mod:`grader.workers.pool`) only queues and dispatches.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import ClassVar

from grader.jobs.shared import Shared
from grader.jobs.task import TaskLike
from grader.sandbox.limits import Limits
from grader.text import Text
from grader.verdict.result import ErrorKind, GradeResult, RunResult
from grader.workers.backends import Runner
from grader.workers.handle import Handle


@dataclass
class Job:
    handle: Handle
    task: TaskLike | None
    source: str = ""
    limits: Limits = field(default_factory=Limits)
    show_output: bool = False
    name: str | None = None  # the submission's file name, for the log
    enqueued: float = field(default_factory=time.monotonic)

    kind: ClassVar[str] = "job"
    quiet: ClassVar[bool] = False  # the pool's own work (warming, helping): logged at debug

    def execute(self, shared: Shared, runner: Runner, wake_r: int) -> GradeResult | RunResult:
        raise NotImplementedError

    def failure(self, error: Text, kind: ErrorKind = "internal") -> GradeResult | RunResult:
        """The result of a job the grader could not carry out (its own fault, by default)."""
        task = self.task
        assert task is not None
        return GradeResult.failure(task.id, float(task.points), error, kind)

    def describe(self) -> str:
        """The task and the file, as the log names them."""
        task_id = self.task.id if self.task is not None else "-"
        return f"{self.kind} {task_id} {self.name or '-'}"


def run_failure(task: TaskLike | None, error: Text, kind: ErrorKind = "internal") -> RunResult:
    """A plain run the grader could not carry out."""
    task_id = task.id if task else None
    return RunResult(task=task_id, ok=False, error=error, error_kind=kind, duration_s=0.0)

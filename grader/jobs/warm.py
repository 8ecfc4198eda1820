"""The pool's own jobs: computing a reference ahead of need, and helping another job."""

from __future__ import annotations

from dataclasses import dataclass

from grader.jobs import training
from grader.jobs.base import Job
from grader.jobs.shared import Helper, Shared
from grader.verdict.judge import ReferenceBroken
from grader.verdict.messages import msg
from grader.verdict.result import GradeResult, RunResult
from grader.workers.backends import Runner


class ReferenceJob(Job):
    """Warming up: compute and remember a task's reference; nobody waits for the result."""

    kind = "reference"
    quiet = True

    def execute(self, shared: Shared, runner: Runner, wake_r: int) -> GradeResult | RunResult:
        task = self.task
        assert task is not None
        if training.is_training(task):  # nothing to compute ahead: no hidden tests
            return self.failure(msg("reference_computed"))
        try:
            shared.reference(runner, task)
        except ReferenceBroken as exc:
            return self.failure(exc.text)
        return self.failure(msg("reference_computed"))


@dataclass
class AssistJob(Job):
    """Another job's shared work (a task's catalogued mistakes), on this idle worker."""

    helper: Helper | None = None

    kind = "assist"
    quiet = True

    def execute(self, shared: Shared, runner: Runner, wake_r: int) -> GradeResult | RunResult:
        assert self.helper is not None
        self.helper(runner)
        return self.failure(msg("reference_computed"))

"""Grading a submission against a task's hidden tests, then naming its mistake."""

from __future__ import annotations

import logging

from grader.jobs.base import Job
from grader.jobs.shared import Shared
from grader.verdict import diagnose, judge
from grader.verdict.judge import ReferenceBroken
from grader.verdict.messages import msg
from grader.verdict.result import GradeResult, RunResult
from grader.workers.backends import Runner

log = logging.getLogger(__name__)


class GradeJob(Job):
    kind = "grade"

    def execute(self, shared: Shared, runner: Runner, wake_r: int) -> GradeResult | RunResult:
        task = self.task
        assert task is not None
        try:
            reference = shared.reference(runner, task)
        except ReferenceBroken as exc:
            log.error("task %s cannot be graded: %s", task.id, exc)
            return self.failure(msg("task_ungradable", detail=exc.text))
        hidden = task.read("hidden_tests.py")
        spec = shared.grade_spec(task, self.source, self.limits, hidden, reference, self.name)
        outcome = runner.run(spec, wake_r, self.handle.cancelled)
        result = judge.grade(
            task.id,
            float(task.points),
            reference,
            outcome,
            hidden_source=hidden,
            reference_source=task.read("solution.py"),
            own_source=self.source,
            show_output=self.show_output,
        )
        if result.passed or result.error_kind == "internal":
            return result
        signatures = shared.signatures(runner, task, reference, hidden, self.limits)
        found = diagnose.diagnoses(signatures, outcome, self.source, reference)
        return result.model_copy(update={"diagnoses": found}) if found else result

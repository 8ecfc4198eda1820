"""Grader verdicts for tests that record or show one without running the grader."""

from __future__ import annotations

from typing import Any

from grader.text import tr
from grader.verdict.result import CheckResult, GradeResult, TrainingReport
from grader.workers.handle import Handle


def verdict(
    task: str = "tk", score: float = 10.0, max_score: float = 10.0, duration_s: float = 0.5
) -> GradeResult:
    """A verdict of one check worth ``max_score``: passed when ``score`` is all of it."""
    passed = score >= max_score
    check = CheckResult(
        name="values",
        title=tr("values", "값"),
        passed=passed,
        message={} if passed else tr("expected 1, got 2", "1이어야 하는데 2입니다"),
        points=score,
        max_points=max_score,
    )
    return GradeResult(
        task=task,
        passed=passed,
        score=score,
        max_score=max_score,
        checks=[check],
        duration_s=duration_s,
    )


def grader_failure(task: str = "tk", max_score: float = 10.0) -> GradeResult:
    """The grader's own failure (a worker that could not start): not the student's doing."""
    return GradeResult.failure(
        task, max_score, tr("a grading worker could not start", "채점 작업자를 시작하지 못했습니다")
    )


class FailingGrader:
    """A grader whose every grade fails on its own side (as when its workers cannot
    start): each handle is already done with :func:`grader_failure`. Runs go to ``runs``
    (a real grader) when given."""

    def __init__(self, runs: Any = None) -> None:
        self.runs = runs
        self.submitted: list[str] = []

    def submit(self, task: Any, source: str, mode: str = "grade") -> Handle:
        if mode == "run":
            return self.runs.submit(task, source, mode=mode)  # type: ignore[no-any-return]
        self.submitted.append(task.id)
        handle = Handle(task.id)
        handle._finish(grader_failure(task.id, float(task.points)))
        return handle


def training_verdict(
    task: str = "train-digits-dnn",
    metric: float = 0.97,
    cpu_s: float = 3.0,
    parameters: int = 17226,
) -> GradeResult:
    """A training task's verdict: ``metric`` against target 0.95 and floor 0.5, 10 points."""
    report = TrainingReport(
        metric=metric,
        target=0.95,
        floor=0.5,
        cpu_s=cpu_s,
        cpu_budget_s=30.0,
        parameters=parameters,
    )
    score = 10 * min(1.0, max(0.0, (metric - 0.5) / 0.45))
    return GradeResult(
        task=task,
        passed=metric >= 0.95,
        score=score,
        max_score=10.0,
        checks=[],
        duration_s=cpu_s,
        training=report,
    )

"""The grader as an exam's grade function: all of an attempt's tasks are queued at once,
so the grader's warm workers run them side by side, and the verdicts come back in order.

Plain Python over anything with the grader's ``submit(task, source) -> Handle`` (the
``grader.Grader`` the app owns); it never imports the grader itself, nor torch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from question_bank import Task

from .runner import Graded, GradeFn

NO_CODE = "no code was written for this task"


class Submitter(Protocol):
    """What the exam needs of ``grader.Grader``: ``submit`` returns a handle whose
    ``result()`` is a ``GradeResult`` and which can be cancelled."""

    def submit(self, task: Any, source: str) -> Any: ...


def no_code(task: Task, message: str = NO_CODE) -> Graded:
    """The verdict on a task left empty: nothing to run, no points (the report says why)."""
    result = {
        "task": task.id,
        "passed": False,
        "score": 0.0,
        "max_score": float(task.points),
        "checks": [],
        "error": message,
        "duration_s": 0.0,
        "stdout": "",
        "stderr": "",
    }
    return Graded(passed=False, score=0.0, max_score=float(task.points), result=result)


def graded(data: dict[str, Any]) -> Graded:
    """A ``GradeResult`` dump as the exam runner takes it."""
    duration = data.get("duration_s")
    return Graded(
        passed=bool(data.get("passed")),
        score=float(data.get("score") or 0.0),
        max_score=float(data.get("max_score") or 0.0),
        result=data,
        duration_s=float(duration) if isinstance(duration, int | float) else None,
    )


def grade_with(grader: Submitter, no_code_message: str = NO_CODE) -> GradeFn:
    """A :data:`GradeFn` that submits every (task, source) pair before waiting for any.

    An empty source is not sent to the grader. If one job fails to come back
    (the grader was closed, the job cancelled) the others are cancelled and the
    error propagates, so the attempt is not closed with made-up scores.
    """

    def grade(pairs: Sequence[tuple[Task, str]]) -> list[Graded]:
        handles: list[Any] = [
            grader.submit(task, source) if source.strip() else None for task, source in pairs
        ]
        verdicts: list[Graded] = []
        try:
            for (task, _), handle in zip(pairs, handles, strict=True):
                if handle is None:
                    verdicts.append(no_code(task, no_code_message))
                else:
                    verdicts.append(graded(handle.result().model_dump(mode="json")))
        except BaseException:
            for handle in handles:
                if handle is not None:
                    handle.cancel()
            raise
        return verdicts

    return grade

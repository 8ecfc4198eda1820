"""The grader as an exam's grade function: all of an attempt's tasks are queued at once,
so the grader's warm workers run them side by side, and the verdicts come back in order.

Plain Python over anything with the grader's ``submit(task, source) -> Handle`` (the
``grader.Grader`` the app owns); it never starts the grader itself, nor imports torch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from grader.verdict.result import GradeResult
from question_bank import Task

from .runner import GradeFn


class Submitter(Protocol):
    """What the exam needs of ``grader.Grader``: ``submit`` returns a handle whose
    ``result()`` is a ``GradeResult`` and which can be cancelled."""

    def submit(self, task: Any, source: str) -> Any: ...


def grade_with(grader: Submitter) -> GradeFn:
    """A :data:`GradeFn` that submits every (task, source) pair before waiting for any.

    An empty source is not sent to the grader (``GradeResult.no_code``). If one job
    fails to come back (the grader was closed, the job cancelled) the others are
    cancelled and the error propagates, so the attempt is not closed with made-up scores.
    """

    def grade(pairs: Sequence[tuple[Task, str]]) -> list[GradeResult]:
        handles: list[Any] = [
            grader.submit(task, source) if source.strip() else None for task, source in pairs
        ]
        verdicts: list[GradeResult] = []
        try:
            for (task, _), handle in zip(pairs, handles, strict=True):
                if handle is None:
                    verdicts.append(GradeResult.no_code(task.id, float(task.points)))
                    continue
                verdict = handle.result()
                if not isinstance(verdict, GradeResult):
                    raise TypeError(f"the grader answered {type(verdict).__name__} for a grade")
                verdicts.append(verdict)
        except BaseException:
            for handle in handles:
                if handle is not None:
                    handle.cancel()
            raise
        return verdicts

    return grade

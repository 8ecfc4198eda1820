"""Opening and closing mock exams for an app, without a screen: what opening a blueprint
means (sit an attempt, grade one that is over, or wait for another one running), and the
blocking work of grading, which the app runs in a worker thread and then only shows.

At every start the app grades what is pending (:meth:`Proctor.settle`): attempts whose
time ran out while it was closed, and attempts handed in whose grading was cut short
(the app killed) or failed (the grader's own error) — an attempt handed in is never
reopened for answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from ..store import ExamAttempt
from .grading import Submitter, grade_with
from .runner import ExamRunner, GradingIncomplete, Results


@dataclass(frozen=True)
class Sit:
    """Answer this attempt (new, or resumed as it was left)."""

    attempt: ExamAttempt


@dataclass(frozen=True)
class Grade:
    """This attempt is over (handed in, or out of time): grade it and show its results."""

    attempt: ExamAttempt


@dataclass(frozen=True)
class Busy:
    """Another blueprint's attempt is running: one exam at a time."""

    title: str
    left: timedelta


Opening = Sit | Grade | Busy


@dataclass(frozen=True)
class Settled:
    """What grading the pending attempts gave: results, and attempts the grader failed on
    (still submitted, to be graded again)."""

    results: list[Results] = field(default_factory=list)
    failed: list[GradingIncomplete] = field(default_factory=list)


class Proctor:
    """The exam side of the app: a runner over its store and bank, and its grader
    (``grader()`` gives it; the grader starts only when something is graded)."""

    def __init__(self, runner: ExamRunner, grader: Callable[[], Submitter]) -> None:
        self.runner = runner
        self._grader = grader

    def open(self, blueprint_id: str) -> Opening:
        """Start an attempt of this blueprint or resume the running one (raises StoreError
        for an unknown blueprint); an attempt that is over is graded first."""
        runner = self.runner
        running = runner.unfinished()
        if running is not None and runner.to_grade(running):
            return Grade(running)
        if running is not None and running.blueprint != blueprint_id:
            return Busy(runner.blueprint(running.blueprint).title, runner.remaining(running))
        return Sit(runner.start_or_resume(blueprint_id))

    def finish(self, attempt: ExamAttempt) -> Results:
        """Hand in, grade and close (blocking: call it from a worker thread). Raises
        :class:`GradingIncomplete` when the grader itself failed on a task."""
        return self.runner.finish(attempt, grade_with(self._grader()))

    def pending(self) -> list[ExamAttempt]:
        return self.runner.pending()

    def settle(self, attempts: list[ExamAttempt]) -> Settled:
        """Grade ``attempts`` (from :meth:`pending`), each on its own: a grader failure on
        one leaves it submitted and goes on with the others (blocking)."""
        settled = Settled()
        for attempt in attempts:
            try:
                settled.results.append(self.finish(attempt))
            except GradingIncomplete as exc:
                settled.failed.append(exc)
        return settled

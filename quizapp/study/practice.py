"""Practising a task: record a graded submission (which also reviews the task's card),
browse the history of submissions, and keep the editor's draft.

This is the one path a task's verdict takes to the store, from the practice editor, a
study session (:meth:`StudySession.submit_task`) and a mock exam alike. A verdict whose
grader failed (``GradeResult.internal``) is not the student's doing and is not recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from fsrs import Rating

from grader.verdict.result import GradeResult

from ..store import AppliedReview, Clock, Draft, ReviewRequest, Standing, Store, Submission
from .scheduler import StudyScheduler


@dataclass(frozen=True)
class PracticeResult:
    submission: Submission
    rating: Rating  # pass: Good, fail: Again
    review: AppliedReview | None  # None when scheduling was not asked for


def task_rating(result: GradeResult) -> Rating:
    return Rating.Good if result.passed else Rating.Again


class TaskPractice:
    def __init__(self, store: Store, scheduler: StudyScheduler, clock: Clock) -> None:
        self.store = store
        self.scheduler = scheduler
        self.clock = clock

    def submit(
        self,
        task_id: str,
        code: str,
        result: GradeResult,
        *,
        schedule: bool = True,
        counts_new: bool = True,
    ) -> PracticeResult | None:
        """Keep the submission; with ``schedule`` also rate the task's card (pass: Good,
        fail: Again) in the same transaction. None, and nothing kept, when the grader
        itself failed: such an attempt counts neither as a failure nor at all."""
        if result.internal:
            return None
        now = self.clock()
        rating = task_rating(result)
        review = None
        if schedule:
            request = ReviewRequest(
                card_id=task_id,
                kind="task",
                rating=int(rating),
                reviewed_at=now,
                correct=result.passed,
                duration_ms=round(result.duration_s * 1000),
                counts_new=counts_new,
            )
            review = (request, lambda before: self.scheduler.review(before, rating, now))
        submission, applied = self.store.practice.submit(
            task_id, code, result, submitted_at=now, review=review
        )
        return PracticeResult(submission, rating, applied)

    def history(self, task_id: str) -> list[Submission]:
        """Every submission of the task, newest first: code, verdict, score, time."""
        return self.store.practice.history(task_id)

    def leaderboard(self, task_id: str, metric: str = "accuracy") -> list[Standing]:
        """A training task's leaderboard: every profile's best attempt, ranked by ``metric``'s
        direction (lowest RMSLE first)."""
        return self.store.leaderboard(task_id, {task_id: metric})

    def save_draft(self, task_id: str, code: str) -> Draft:
        return self.store.practice.save_draft(task_id, code, self.clock())

    def draft(self, task_id: str) -> str | None:
        found = self.store.practice.draft(task_id)
        return found.code if found is not None else None

    def discard_draft(self, task_id: str) -> None:
        self.store.practice.discard_draft(task_id)

"""Practising a task outside a session: submit graded code (which also reviews the task's
card), browse the history of submissions, and keep the editor's draft.

The grader's verdict comes in as plain data (its ``GradeResult`` dumped with
``model_dump(mode="json")``), so this module does not import the grader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fsrs import Rating

from ..store import AppliedReview, Clock, Draft, ReviewRequest, Store, Submission
from .scheduler import StudyScheduler


@dataclass(frozen=True)
class PracticeResult:
    submission: Submission
    review: AppliedReview | None  # None when scheduling was not asked for


class TaskPractice:
    def __init__(self, store: Store, scheduler: StudyScheduler, clock: Clock) -> None:
        self.store = store
        self.scheduler = scheduler
        self.clock = clock

    def submit(
        self,
        task_id: str,
        code: str,
        result: Mapping[str, Any],
        *,
        passed: bool,
        score: float,
        max_score: float,
        duration_s: float | None = None,
        schedule: bool = True,
    ) -> PracticeResult:
        """Keep the submission; with ``schedule`` also rate the task's card (pass: Good,
        fail: Again) in the same transaction."""
        now = self.clock()
        rating = Rating.Good if passed else Rating.Again
        review = None
        if schedule:
            request = ReviewRequest(
                card_id=task_id,
                kind="task",
                rating=int(rating),
                reviewed_at=now,
                correct=passed,
                duration_ms=round(duration_s * 1000) if duration_s is not None else None,
            )
            review = (request, lambda before: self.scheduler.review(before, rating, now))
        submission, applied = self.store.practice.submit(
            task_id,
            code,
            result,
            passed=passed,
            score=score,
            max_score=max_score,
            duration_s=duration_s,
            submitted_at=now,
            review=review,
        )
        return PracticeResult(submission, applied)

    def history(self, task_id: str) -> list[Submission]:
        """Every submission of the task, newest first: code, verdict, score, time."""
        return self.store.practice.history(task_id)

    def save_draft(self, task_id: str, code: str) -> Draft:
        return self.store.practice.save_draft(task_id, code, self.clock())

    def draft(self, task_id: str) -> str | None:
        found = self.store.practice.draft(task_id)
        return found.code if found is not None else None

    def discard_draft(self, task_id: str) -> None:
        self.store.practice.discard_draft(task_id)

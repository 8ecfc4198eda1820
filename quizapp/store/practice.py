"""Practical-task history (every graded submission) and the editor's autosaved drafts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from grader.verdict.result import GradeResult

from .database import Database
from .models import DraftRow, TaskSubmissionRow
from .records import AppliedReview, Draft, ReviewRequest, Submission
from .reviews import Compute, apply_review


def _submission(row: TaskSubmissionRow) -> Submission:
    return Submission(
        id=row.id,
        task_id=row.task_id,
        code=row.code,
        result=GradeResult.from_stored(row.result, row.task_id, row.max_score),
        passed=row.passed,
        score=row.score,
        max_score=row.max_score,
        submitted_at=row.submitted_at,
        duration_s=row.duration_s,
    )


class Practice:
    """Submissions and drafts of one profile."""

    def __init__(self, db: Database, profile_id: int) -> None:
        self._db = db
        self._profile = profile_id

    def submit(
        self,
        task_id: str,
        code: str,
        result: GradeResult,
        *,
        submitted_at: datetime | None = None,
        review: tuple[ReviewRequest, Compute] | None = None,
    ) -> tuple[Submission, AppliedReview | None]:
        """Record a graded submission and, in the same transaction, the task card's review.

        The verdict is kept as ``result.model_dump(mode="json")`` and read back with
        :meth:`GradeResult.from_stored`, which also reads what older versions stored.
        """
        at = submitted_at or self._db.clock()
        payload = result.model_dump(mode="json")
        training = result.training

        def work(session: Session) -> tuple[Submission, AppliedReview | None]:
            row = TaskSubmissionRow(
                profile_id=self._profile,
                task_id=task_id,
                code=code,
                result=payload,
                passed=result.passed,
                score=result.score,
                max_score=result.max_score,
                submitted_at=at,
                duration_s=result.duration_s,
                metric=training.metric if training else None,
                cpu_s=training.cpu_s if training else None,
                parameters=training.parameters if training else None,
            )
            session.add(row)
            applied = apply_review(session, self._profile, *review) if review else None
            session.flush()
            return _submission(row), applied

        return self._db.write(work, retry_conflicts=review is not None)

    def history(self, task_id: str | None = None) -> list[Submission]:
        """Submissions, newest first, of one task or of every task."""

        def work(session: Session) -> list[Submission]:
            query = select(TaskSubmissionRow).where(TaskSubmissionRow.profile_id == self._profile)
            if task_id is not None:
                query = query.where(TaskSubmissionRow.task_id == task_id)
            query = query.order_by(
                TaskSubmissionRow.submitted_at.desc(), TaskSubmissionRow.id.desc()
            )
            return [_submission(row) for row in session.scalars(query)]

        return self._db.read(work)

    def save_draft(self, task_id: str, code: str, at: datetime | None = None) -> Draft:
        when = at or self._db.clock()

        def work(session: Session) -> Draft:
            row = session.get(DraftRow, (self._profile, task_id))
            if row is None:
                row = DraftRow(
                    profile_id=self._profile, task_id=task_id, code=code, updated_at=when
                )
                session.add(row)
            else:
                row.code = code
                row.updated_at = when
            return Draft(task_id, code, when)

        return self._db.write(work, retry_conflicts=True)

    def draft(self, task_id: str) -> Draft | None:
        def work(session: Session) -> Draft | None:
            row = session.get(DraftRow, (self._profile, task_id))
            return Draft(row.task_id, row.code, row.updated_at) if row is not None else None

        return self._db.read(work)

    def discard_draft(self, task_id: str) -> bool:
        def work(session: Session) -> bool:
            result = session.execute(
                delete(DraftRow).where(
                    DraftRow.profile_id == self._profile, DraftRow.task_id == task_id
                )
            )
            return bool(getattr(result, "rowcount", 0))

        return self._db.write(work)

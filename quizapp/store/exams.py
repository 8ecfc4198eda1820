"""Mock-exam attempts: the questions drawn, the answers given, and the final score.

Each answer is its own transaction, so an attempt interrupted by a crash can
be resumed where it stopped (the deadline is ``started_at + minutes``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .database import Database
from .errors import StoreError
from .models import ExamAnswerRow, ExamAttemptRow
from .records import ExamAttempt, ExamQuestion


def _attempt(row: ExamAttemptRow, with_questions: bool) -> ExamAttempt:
    questions = tuple(
        ExamQuestion(
            index=a.question_index,
            item_id=a.item_id,
            kind=a.kind,
            answer=a.answer,
            correct=a.correct,
            score=a.score,
            flagged=a.flagged,
            answered_at=a.answered_at,
        )
        for a in (row.answers if with_questions else ())
    )
    return ExamAttempt(
        id=row.id,
        blueprint=row.blueprint,
        seed=row.seed,
        started_at=row.started_at,
        minutes=row.minutes,
        finished_at=row.finished_at,
        score=row.score,
        max_score=row.max_score,
        score_percent=row.score_percent,
        passed=row.passed,
        questions=questions,
        submitted_at=row.submitted_at,
    )


class Exams:
    """The exam attempts of one profile."""

    def __init__(self, db: Database, profile_id: int) -> None:
        self._db = db
        self._profile = profile_id

    def start(
        self,
        blueprint: str,
        seed: int,
        minutes: float,
        questions: Sequence[tuple[str, str]],
        started_at: datetime | None = None,
    ) -> ExamAttempt:
        """Create an attempt with its drawn questions, given as ``(item or task id, kind)``."""
        at = started_at or self._db.clock()

        def work(session: Session) -> ExamAttempt:
            row = ExamAttemptRow(
                profile_id=self._profile,
                blueprint=blueprint,
                seed=seed,
                started_at=at,
                minutes=minutes,
            )
            row.answers = [
                ExamAnswerRow(question_index=i, item_id=item_id, kind=kind, flagged=False)
                for i, (item_id, kind) in enumerate(questions)
            ]
            session.add(row)
            session.flush()
            return _attempt(row, with_questions=True)

        return self._db.write(work)

    def _question(
        self, session: Session, attempt_id: int, index: int, *, grading: bool = False
    ) -> ExamAnswerRow:
        """The question to change: never in a finished attempt; once the attempt is
        submitted, only its grading may still write."""
        row = session.scalars(
            select(ExamAnswerRow)
            .join(ExamAttemptRow)
            .where(
                ExamAttemptRow.profile_id == self._profile,
                ExamAnswerRow.attempt_id == attempt_id,
                ExamAnswerRow.question_index == index,
            )
        ).one_or_none()
        if row is None:
            raise StoreError(f"exam attempt {attempt_id} has no question {index + 1}")
        if row.attempt.finished_at is not None:
            raise StoreError(f"exam attempt {attempt_id} is already finished")
        if row.attempt.submitted_at is not None and not grading:
            raise StoreError(f"exam attempt {attempt_id} was submitted: answers cannot change")
        return row

    def answer(
        self,
        attempt_id: int,
        index: int,
        answer: str | None,
        *,
        correct: bool | None = None,
        score: float | None = None,
        at: datetime | None = None,
    ) -> None:
        when = at or self._db.clock()

        def work(session: Session) -> None:
            row = self._question(session, attempt_id, index)
            row.answer = answer
            row.correct = correct
            row.score = score
            row.answered_at = when

        self._db.write(work)

    def grade(self, attempt_id: int, index: int, *, correct: bool, score: float) -> None:
        """A submitted attempt's verdict on one question (its answer stays as given)."""

        def work(session: Session) -> None:
            row = self._question(session, attempt_id, index, grading=True)
            row.correct = correct
            row.score = score

        self._db.write(work)

    def submit(self, attempt_id: int, at: datetime | None = None) -> ExamAttempt:
        """Hand the attempt in: its answers are final, and until it is finished it is to be
        graded (also at the next start, should grading be cut short). Keeps the first time."""
        when = at or self._db.clock()

        def work(session: Session) -> ExamAttempt:
            row = self._owned(session, attempt_id)
            if row is None:
                raise StoreError(f"no exam attempt {attempt_id}")
            if row.submitted_at is None and row.finished_at is None:
                row.submitted_at = when
            return _attempt(row, with_questions=True)

        return self._db.write(work)

    def flag(self, attempt_id: int, index: int, flagged: bool = True) -> None:
        def work(session: Session) -> None:
            self._question(session, attempt_id, index).flagged = flagged

        self._db.write(work)

    def finish(
        self,
        attempt_id: int,
        *,
        score: float,
        max_score: float,
        passed: bool,
        at: datetime | None = None,
    ) -> ExamAttempt:
        when = at or self._db.clock()

        def work(session: Session) -> ExamAttempt:
            row = self._owned(session, attempt_id)
            if row is None:
                raise StoreError(f"no exam attempt {attempt_id}")
            row.finished_at = when
            row.score = score
            row.max_score = max_score
            row.score_percent = round(100.0 * score / max_score, 2) if max_score > 0 else 0.0
            row.passed = passed
            return _attempt(row, with_questions=True)

        return self._db.write(work)

    def _owned(self, session: Session, attempt_id: int) -> ExamAttemptRow | None:
        return session.scalars(
            select(ExamAttemptRow)
            .options(selectinload(ExamAttemptRow.answers))
            .where(ExamAttemptRow.id == attempt_id, ExamAttemptRow.profile_id == self._profile)
        ).one_or_none()

    def get(self, attempt_id: int) -> ExamAttempt | None:
        def work(session: Session) -> ExamAttempt | None:
            row = self._owned(session, attempt_id)
            return _attempt(row, with_questions=True) if row is not None else None

        return self._db.read(work)

    def attempts(self) -> list[ExamAttempt]:
        """Every attempt, newest first, without their questions."""

        def work(session: Session) -> list[ExamAttempt]:
            rows = session.scalars(
                select(ExamAttemptRow)
                .where(ExamAttemptRow.profile_id == self._profile)
                .order_by(ExamAttemptRow.started_at.desc(), ExamAttemptRow.id.desc())
            )
            return [_attempt(row, with_questions=False) for row in rows]

        return self._db.read(work)

"""The progress store's tables, as SQLAlchemy 2 ORM models.

Every row belongs to a profile, so that several students can share one
database server. A card row exists once a card has been answered; unseen bank
items have none and count as new. The review log is append-only (undo is the
one exception: it deletes the entry it reverts) and keeps the card's state
from before each review, so that undo restores it exactly.

The Alembic migrations in ``migrations/versions`` create exactly these tables;
``tests/store/test_migrations.py`` checks that the two agree.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .types import UTCDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID_LENGTH = 200  # item ids, task ids and blueprint ids; ":reverse" fits too
DEFAULT_DAILY_NEW = 20


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _profile_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False)


class Profile(Base):
    """One student; ``name`` is ``--profile`` (default: the operating-system user)."""

    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(ID_LENGTH), unique=True, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    exam_date: Mapped[date | None] = mapped_column(Date)
    daily_new_limit: Mapped[int] = mapped_column(Integer, nullable=False, default=DEFAULT_DAILY_NEW)


class CardRow(Base):
    """The FSRS state of one card of one profile, in columns so the due queue is one query."""

    __tablename__ = "cards"
    __table_args__ = (
        UniqueConstraint("profile_id", "card_id"),
        Index(None, "profile_id", "due"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    card_id: Mapped[str] = mapped_column(String(ID_LENGTH), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    state: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime)
    introduced_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    last_correct: Mapped[bool] = mapped_column(Boolean, nullable=False)


class ReviewLogRow(Base):
    """One answer or rating, with the card's state before it (``prev_*``; all NULL for a new card)."""

    __tablename__ = "review_logs"
    __table_args__ = (
        Index(None, "profile_id", "reviewed_at"),
        Index(None, "profile_id", "card_id", "id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    card_id: Mapped[str] = mapped_column(String(ID_LENGTH), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    rating: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    answer: Mapped[str | None] = mapped_column(Text)
    correct: Mapped[bool | None] = mapped_column(Boolean)
    prev_state: Mapped[int | None] = mapped_column(SmallInteger)
    prev_step: Mapped[int | None] = mapped_column(Integer)
    prev_stability: Mapped[float | None] = mapped_column(Float)
    prev_difficulty: Mapped[float | None] = mapped_column(Float)
    prev_due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    prev_last_review: Mapped[datetime | None] = mapped_column(UTCDateTime)
    prev_last_correct: Mapped[bool | None] = mapped_column(Boolean)
    # a first answer counts against the day's new-card limit (a quiz's does not, 0005)
    counts_new: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=True, server_default=true()
    )


class TaskSubmissionRow(Base):
    """Every graded submission of a practical task: the code and the grader's verdict."""

    __tablename__ = "task_submissions"
    __table_args__ = (
        Index(None, "profile_id", "task_id", "submitted_at"),
        Index(None, "task_id", "metric"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    task_id: Mapped[str] = mapped_column(String(ID_LENGTH), nullable=False)
    code: Mapped[str] = mapped_column(Text, nullable=False)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    passed: Mapped[bool] = mapped_column(Boolean, nullable=False)
    score: Mapped[float] = mapped_column(Float, nullable=False)
    max_score: Mapped[float] = mapped_column(Float, nullable=False)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    duration_s: Mapped[float | None] = mapped_column(Float)
    # Training tasks only (NULL otherwise): what the leaderboard ranks.
    metric: Mapped[float | None] = mapped_column(Float)
    cpu_s: Mapped[float | None] = mapped_column(Float)
    parameters: Mapped[int | None] = mapped_column(Integer)


class DraftRow(Base):
    """The editor's autosaved code for a task, one per profile and task."""

    __tablename__ = "drafts"

    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True
    )
    task_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    code: Mapped[str] = mapped_column(Text, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class ExamAttemptRow(Base):
    """One mock exam: which blueprint, drawn with which seed, when, and how it ended."""

    __tablename__ = "exam_attempts"
    __table_args__ = (Index(None, "profile_id", "started_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    blueprint: Mapped[str] = mapped_column(String(ID_LENGTH), nullable=False)
    seed: Mapped[int] = mapped_column(BigInteger, nullable=False)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    minutes: Mapped[float] = mapped_column(Float, nullable=False)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Handed in: no answer changes after this; grading (which may not have ended) sets finished_at.
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    score: Mapped[float | None] = mapped_column(Float)
    max_score: Mapped[float | None] = mapped_column(Float)
    score_percent: Mapped[float | None] = mapped_column(Float)
    passed: Mapped[bool | None] = mapped_column(Boolean)

    answers: Mapped[list[ExamAnswerRow]] = relationship(
        back_populates="attempt",
        order_by="ExamAnswerRow.question_index",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class ExamAnswerRow(Base):
    """One question of an attempt: what was drawn, what was answered, and its verdict."""

    __tablename__ = "exam_answers"
    __table_args__ = (UniqueConstraint("attempt_id", "question_index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("exam_attempts.id", ondelete="CASCADE"), nullable=False
    )
    question_index: Mapped[int] = mapped_column(Integer, nullable=False)
    item_id: Mapped[str] = mapped_column(String(ID_LENGTH), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    answer: Mapped[str | None] = mapped_column(Text)
    correct: Mapped[bool | None] = mapped_column(Boolean)
    score: Mapped[float | None] = mapped_column(Float)
    flagged: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    attempt: Mapped[ExamAttemptRow] = relationship(back_populates="answers")

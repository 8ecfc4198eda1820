"""Plain, immutable values the store hands out (ORM rows never leave a transaction)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from grader.verdict.result import GradeResult


@dataclass(frozen=True)
class Schedule:
    """A card's FSRS memory state, exactly the columns of ``cards``.

    ``state`` is :class:`fsrs.State` as an int (1 learning, 2 review, 3 relearning).
    """

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None


@dataclass(frozen=True)
class CardProgress:
    """What the store knows about one card of the profile."""

    card_id: str
    kind: str
    schedule: Schedule
    introduced_at: datetime
    last_correct: bool


@dataclass(frozen=True)
class ReviewRequest:
    """One answer or rating to record. ``correct`` is None when nothing was checked
    (a self-rated flashcard); the card's "last answer right" is then ``rating > Again``.
    """

    card_id: str
    kind: str
    rating: int
    reviewed_at: datetime
    answer: str | None = None
    correct: bool | None = None
    duration_ms: int | None = None
    counts_new: bool = True  # a first answer uses the day's new-card limit (not in a quiz)


@dataclass(frozen=True)
class ReviewEntry:
    """One row of the review log; ``before`` is None when the review introduced the card."""

    id: int
    card_id: str
    kind: str
    rating: int
    reviewed_at: datetime
    duration_ms: int | None
    answer: str | None
    correct: bool | None
    before: Schedule | None
    before_last_correct: bool | None


@dataclass(frozen=True)
class AppliedReview:
    entry: ReviewEntry
    after: Schedule


@dataclass(frozen=True)
class Submission:
    id: int
    task_id: str
    code: str
    result: GradeResult  # read back with GradeResult.from_stored: older rows load too
    passed: bool
    score: float
    max_score: float
    submitted_at: datetime
    duration_s: float | None


@dataclass(frozen=True)
class Draft:
    task_id: str
    code: str
    updated_at: datetime


@dataclass(frozen=True)
class ProfileInfo:
    name: str
    created_at: datetime
    exam_date: date | None
    daily_new_limit: int


@dataclass(frozen=True)
class ExamQuestion:
    index: int
    item_id: str
    kind: str
    answer: str | None
    correct: bool | None
    score: float | None
    flagged: bool
    answered_at: datetime | None


@dataclass(frozen=True)
class ExamAttempt:
    id: int
    blueprint: str
    seed: int
    started_at: datetime
    minutes: float
    finished_at: datetime | None
    score: float | None
    max_score: float | None
    score_percent: float | None
    passed: bool | None
    questions: tuple[ExamQuestion, ...] = field(default=())
    submitted_at: datetime | None = None  # handed in (or out of time); grading may not be done

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None

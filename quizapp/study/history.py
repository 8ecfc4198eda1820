"""The series behind the statistics plots: reviews per study day, retention per week and
mock-exam scores over time.

Counts come from SQL aggregates over the review log (:meth:`Reviews.tallies`),
one per plotted period, so the cost follows the plotted window, not the size of
the log. Days are study days (they start at 04:00 local time, see :mod:`.days`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..store import Store
from .days import StudyDay

DAYS = 30
WEEKS = 12


@dataclass(frozen=True)
class DayReviews:
    day: date
    right: int
    wrong: int

    @property
    def total(self) -> int:
        return self.right + self.wrong


@dataclass(frozen=True)
class WeekRetention:
    """Reviews of cards in the review state during the seven study days from ``start``,
    and how many of them were recalled (not rated Again)."""

    start: date
    reviewed: int
    recalled: int

    @property
    def percent(self) -> float | None:
        return round(100.0 * self.recalled / self.reviewed, 1) if self.reviewed else None


@dataclass(frozen=True)
class ExamScore:
    """A finished mock exam."""

    attempt_id: int
    blueprint: str
    finished_at: datetime
    percent: float
    passed: bool


@dataclass(frozen=True)
class History:
    days: list[DayReviews]
    weeks: list[WeekRetention]
    exams: list[ExamScore]

    @property
    def has_reviews(self) -> bool:
        return any(d.total for d in self.days)

    @property
    def has_retention(self) -> bool:
        return any(w.reviewed for w in self.weeks)


def period_starts(day: StudyDay, last: date, count: int, step_days: int) -> list[datetime]:
    """``count + 1`` ascending UTC boundaries of ``count`` periods of ``step_days`` study
    days each, the last period ending with study day ``last``."""
    end = last + timedelta(days=1)
    return [day.start(end - timedelta(days=step_days * k)) for k in range(count, -1, -1)]


def reviews_per_day(
    store: Store, day: StudyDay, now: datetime, days: int = DAYS
) -> list[DayReviews]:
    """Right and wrong answers (and ratings) on each of the last ``days`` study days,
    oldest first, today last; days without reviews are zeros."""
    today = day.date_of(now)
    tallies = store.reviews.tallies(period_starts(day, today, days, 1))
    first = today - timedelta(days=days - 1)
    return [DayReviews(first + timedelta(days=i), t.right, t.wrong) for i, t in enumerate(tallies)]


def retention_per_week(
    store: Store, day: StudyDay, now: datetime, weeks: int = WEEKS
) -> list[WeekRetention]:
    """Retention of the last ``weeks`` weeks (each seven study days, the last ending today),
    oldest first."""
    today = day.date_of(now)
    tallies = store.reviews.tallies(period_starts(day, today, weeks, 7))
    first = today - timedelta(days=7 * weeks - 1)
    return [
        WeekRetention(first + timedelta(days=7 * i), t.mature, t.recalled)
        for i, t in enumerate(tallies)
    ]


def exam_scores(store: Store) -> list[ExamScore]:
    """Finished mock exams, oldest first (an attempt left unfinished has no score)."""
    finished = [
        ExamScore(a.id, a.blueprint, a.finished_at, a.score_percent, bool(a.passed))
        for a in store.exams.attempts()
        if a.finished_at is not None and a.score_percent is not None
    ]
    return sorted(finished, key=lambda e: (e.finished_at, e.attempt_id))


def load_history(store: Store, day: StudyDay, now: datetime) -> History:
    return History(
        days=reviews_per_day(store, day, now),
        weeks=retention_per_week(store, day, now),
        exams=exam_scores(store),
    )

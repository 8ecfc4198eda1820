"""The series of the statistics screen: reviews per study day, retention per week, exam
scores — computed by SQL aggregates on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from quizapp.study import Rating, StudyService
from quizapp.study.history import (
    exam_scores,
    load_history,
    period_starts,
    retention_per_week,
    reviews_per_day,
)
from tests.store.helpers import FakeClock
from tests.study.studying import study


def history_now(service: StudyService):  # type: ignore[no-untyped-def]
    return load_history(service.store, service.day, service.clock())


def test_an_empty_history_is_zeros_not_errors(service: StudyService) -> None:
    history = history_now(service)
    assert len(history.days) == 30 and len(history.weeks) == 12
    assert history.days[-1].day == date(2026, 3, 2) and history.days[0].day == date(2026, 2, 1)
    assert all(d.right == d.wrong == 0 for d in history.days)
    assert all(w.reviewed == 0 and w.percent is None for w in history.weeks)
    assert history.exams == []
    assert not history.has_reviews and not history.has_retention


def test_reviews_are_counted_per_study_day_right_and_wrong(
    service: StudyService, clock: FakeClock
) -> None:
    study(service, "sc")  # monday 2 March, 09:00 UTC (the service's day is UTC, from 04:00)
    study(service, "sa", right=False)
    study(service, "fc", rating=Rating.Again)  # a flashcard rated Again is a wrong one
    study(service, "loss-card", rating=Rating.Hard)  # Hard is still recalled
    clock.set(datetime(2026, 3, 3, 3, 59, tzinfo=UTC))  # still monday's study day
    study(service, "tf")
    clock.set(datetime(2026, 3, 3, 4, 0, tzinfo=UTC))  # tuesday begins
    study(service, "mc", right=False)
    clock.set(datetime(2026, 3, 5, 12, 0, tzinfo=UTC))  # thursday, nothing today yet

    days = {d.day: (d.right, d.wrong) for d in reviews_per_day(service.store, service.day, clock())}
    assert days[date(2026, 3, 2)] == (3, 2)
    assert days[date(2026, 3, 3)] == (0, 1)
    assert days[date(2026, 3, 4)] == days[date(2026, 3, 5)] == (0, 0)
    assert sum(r + w for r, w in days.values()) == 6
    assert max(days) == date(2026, 3, 5)


def test_reviews_older_than_the_window_are_left_out(
    service: StudyService, clock: FakeClock
) -> None:
    study(service, "sc")
    clock.advance(days=30)  # monday is now the 31st study day back
    series = reviews_per_day(service.store, service.day, clock())
    assert sum(d.total for d in series) == 0
    assert len(reviews_per_day(service.store, service.day, clock(), days=31)) == 31
    assert reviews_per_day(service.store, service.day, clock(), days=31)[0].total == 1


def test_retention_counts_only_cards_in_the_review_state(
    service: StudyService, clock: FakeClock
) -> None:
    study(service, "loss-card", rating=Rating.Easy)  # new cards: learning, not counted
    study(service, "fc", rating=Rating.Easy)
    clock.set(datetime(2026, 3, 10, 10, 0, tzinfo=UTC))
    for card in ("loss-card", "fc"):
        assert service.store.reviews.card(card).schedule.due <= clock()  # type: ignore[union-attr]
    study(service, "loss-card", rating=Rating.Good)  # recalled
    study(service, "fc", rating=Rating.Again)  # forgotten
    clock.set(datetime(2026, 3, 17, 12, 0, tzinfo=UTC))  # a week later, nothing since
    weeks = retention_per_week(service.store, service.day, clock())
    assert (weeks[-1].start, weeks[-1].reviewed, weeks[-1].percent) == (date(2026, 3, 11), 0, None)
    assert (weeks[-2].start, weeks[-2].reviewed, weeks[-2].recalled) == (date(2026, 3, 4), 2, 1)
    assert weeks[-2].percent == 50.0
    assert sum(w.reviewed for w in weeks) == 2  # the two first answers were learning steps
    assert history_now(service).has_retention


def test_weeks_are_seven_study_days_ending_today(service: StudyService, clock: FakeClock) -> None:
    bounds = period_starts(service.day, date(2026, 3, 2), 2, 7)
    assert bounds == [
        datetime(2026, 2, 17, 4, tzinfo=UTC),
        datetime(2026, 2, 24, 4, tzinfo=UTC),
        datetime(2026, 3, 3, 4, tzinfo=UTC),
    ]
    weeks = retention_per_week(service.store, service.day, clock(), weeks=2)
    assert [w.start for w in weeks] == [date(2026, 2, 17), date(2026, 2, 24)]


def test_exam_scores_are_the_finished_attempts_oldest_first(
    service: StudyService, clock: FakeClock
) -> None:
    exams = service.store.exams
    first = exams.start("ai-essential-mock", 1, 90, [("sc", "written")])
    second = exams.start("written-drill", 2, 15, [("sa", "written")])
    exams.start("written-drill", 3, 15, [("tf", "written")])  # never finished
    clock.advance(minutes=10)
    exams.finish(second.id, score=3, max_score=12, passed=False)
    clock.advance(minutes=60)
    exams.finish(first.id, score=40, max_score=50, passed=True)
    scores = exam_scores(service.store)
    assert [(s.attempt_id, s.blueprint, s.percent, s.passed) for s in scores] == [
        (second.id, "written-drill", 25.0, False),
        (first.id, "ai-essential-mock", 80.0, True),
    ]
    assert scores[0].finished_at == datetime(2026, 3, 2, 9, 10, tzinfo=UTC)


def test_period_bounds_must_ascend(service: StudyService) -> None:
    now = datetime(2026, 3, 2, tzinfo=UTC)
    with pytest.raises(ValueError, match="ascending"):
        service.store.reviews.tallies([now, now])
    assert service.store.reviews.tallies([now]) == []

"""Mastery per syllabus entry and the numbers of ``quizapp stats``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quizapp.commands.stats import format_progress
from quizapp.formatting import local_minute
from quizapp.study import Rating, StudyService, progress_stats
from tests.store.helpers import FakeClock
from tests.study.studying import study
from tests.verdicts import verdict


def mastery(service: StudyService) -> dict[str, tuple[int, int]]:
    return {m.title: (m.mastered, m.items) for m in service.mastery()}


def test_mastery_counts_items_recalled_with_at_least_90_percent(
    service: StudyService, clock: FakeClock
) -> None:
    assert mastery(service) == {"텐서": (0, 7), "손실함수": (0, 3)}
    study(service, "sa")
    study(service, "tf", right=False)  # fresh in memory, but wrong: not mastered
    study(service, "fc")  # only one side of a reversible card
    service.practice.submit("tk", "code", verdict("tk", 10))
    assert mastery(service) == {"텐서": (1, 7), "손실함수": (1, 3)}
    study(service, "fc:reverse")
    assert mastery(service)["텐서"] == (2, 7)
    clock.advance(days=4)  # nothing reviewed since: recall has dropped below 0.9
    assert mastery(service) == {"텐서": (0, 7), "손실함수": (0, 3)}
    [first, _] = service.mastery()
    assert (first.pages, first.percent) == ("10-12", 0.0)


def test_stats_count_reviews_due_streak_retention_and_attempts(
    service: StudyService, clock: FakeClock
) -> None:
    stats = progress_stats(service)
    assert (
        stats["reviews_total"] == 0 and stats["streak_days"] == 0 and stats["retention_30d"] is None
    )
    assert stats["items_total"] == 10 and stats["cards_total"] == 11
    assert stats["new_available"] == 10 and stats["due_now"] == 0

    study(service, "loss-card", rating=Rating.Easy)  # monday
    study(service, "sa", right=False)
    study(service, "sc")
    clock.set(datetime(2026, 3, 3, 5, 0, tzinfo=UTC))  # tuesday
    study(service, "sa")
    clock.set(datetime(2026, 3, 4, 3, 0, tzinfo=UTC))  # still tuesday's study day (before 04:00)
    study(service, "sc")
    due = service.store.reviews.card("loss-card").schedule.due  # type: ignore[union-attr]
    clock.set(due + timedelta(hours=1))
    study(service, "loss-card", rating=Rating.Good)  # a review-state card recalled
    study(service, "tf", right=False)

    stats = progress_stats(service)
    assert stats["reviews_total"] == 7
    assert stats["reviews_today"] == 2
    assert stats["streak_days"] == 1  # the days in between had no reviews
    assert stats["retention_30d"] == 1.0 and stats["retention_30d_reviews"] == 1
    assert stats["items_seen"] == 4
    assert stats["mistakes"] == 1  # tf
    assert stats["due_now"] == sum(stats["due_by_kind"].values()) >= 2  # sa and sc are overdue
    assert stats["due_by_kind"]["task"] == 0
    assert stats["new_today"] == 1  # tf
    assert [m["title"] for m in stats["mastery"]] == ["텐서", "손실함수"]
    assert stats["exam_date"] is None and stats["exam_attempts"] == []


def test_a_streak_counts_consecutive_study_days(service: StudyService, clock: FakeClock) -> None:
    for day in range(3):
        clock.set(datetime(2026, 3, 2 + day, 10, 0, tzinfo=UTC))
        study(service, "sc")
    assert progress_stats(service)["streak_days"] == 3
    clock.set(datetime(2026, 3, 5, 10, 0, tzinfo=UTC))  # no review yet today: still alive
    assert progress_stats(service)["streak_days"] == 3
    clock.set(datetime(2026, 3, 6, 10, 0, tzinfo=UTC))  # a whole day missed
    assert progress_stats(service)["streak_days"] == 0


def test_stats_list_exam_attempts_and_the_exam_date(
    service: StudyService, clock: FakeClock
) -> None:
    attempt = service.store.exams.start("ai-essential-mock", 7, 90, [("sc", "written")])
    clock.advance(minutes=80)
    service.store.exams.finish(attempt.id, score=18, max_score=24, passed=True)
    unfinished = service.store.exams.start("ai-essential-mock", 8, 90, [("sc", "written")])
    service.set_exam_date(datetime(2026, 3, 20).date())
    stats = progress_stats(service)
    assert stats["exam_attempts"] == [
        {
            "id": unfinished.id,
            "blueprint": "ai-essential-mock",
            "started_at": "2026-03-02T10:20:00Z",
            "finished_at": None,
            "score_percent": None,
            "passed": None,
        },
        {
            "id": attempt.id,
            "blueprint": "ai-essential-mock",
            "started_at": "2026-03-02T09:00:00Z",
            "finished_at": "2026-03-02T10:20:00Z",
            "score_percent": 75.0,
            "passed": True,
        },
    ]
    assert (stats["exam_date"], stats["days_to_exam"]) == ("2026-03-20", 18)
    text = format_progress(stats)
    assert "exam: 2026-03-20 (in 18 days)" in text
    finished = local_minute("2026-03-02T10:20:00Z")  # the local clock, to the minute
    assert f"#{attempt.id} ai-essential-mock: 75.0% passed ({finished})" in text
    assert finished.startswith("2026-03-0") and len(finished) == len("2026-03-02 10:20")
    assert f"#{unfinished.id} ai-essential-mock: unfinished" in text

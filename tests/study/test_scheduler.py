"""FSRS scheduling through the fsrs library: learning steps under a day, the button
intervals as Anki shows them, and recall probability."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quizapp.study import Rating, StudyScheduler, format_interval
from tests.store.helpers import START

scheduler = StudyScheduler(fuzz=False)


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=20), "1m"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=5, seconds=30), "6m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(hours=3), "3h"),
        (timedelta(days=1), "1d"),
        (timedelta(days=4), "4d"),
        (timedelta(days=45), "1.5mo"),
        (timedelta(days=60), "2mo"),
        (timedelta(days=438), "1.2y"),
    ],
)
def test_intervals_read_like_anki(delta: timedelta, text: str) -> None:
    assert format_interval(delta) == text


def test_a_new_card_offers_learning_steps_on_the_buttons() -> None:
    shown = scheduler.next_intervals(None, START)
    assert shown[Rating.Again] == "1m"
    assert shown[Rating.Hard] == "6m"
    assert shown[Rating.Good] == "10m"
    assert shown[Rating.Easy].endswith("d")


def test_a_missed_card_comes_back_within_minutes_and_a_known_one_after_days() -> None:
    learning = scheduler.review(None, Rating.Good, START)
    assert learning.due - START == timedelta(minutes=10)
    graduated = scheduler.review(learning, Rating.Good, learning.due)
    assert graduated.state == 2 and graduated.due - learning.due >= timedelta(days=1)
    lapsed = scheduler.review(graduated, Rating.Again, graduated.due)
    assert lapsed.state == 3 and lapsed.due - graduated.due == timedelta(minutes=10)
    assert scheduler.review(None, Rating.Again, START).due - START == timedelta(minutes=1)


def test_the_buttons_show_what_a_rating_would_really_schedule() -> None:
    card = scheduler.review(
        scheduler.review(None, Rating.Good, START), Rating.Good, START + timedelta(minutes=10)
    )
    later = card.due
    for rating, delta in scheduler.intervals(card, later).items():
        assert scheduler.review(card, rating, later).due - later == delta


def test_recall_falls_with_time_and_is_zero_for_new_cards() -> None:
    card = scheduler.review(
        scheduler.review(None, Rating.Good, START), Rating.Good, START + timedelta(minutes=10)
    )
    assert scheduler.recall(None, START) == 0.0
    assert scheduler.recall(card, card.last_review) == pytest.approx(1.0)  # type: ignore[arg-type]
    assert scheduler.recall(card, card.due) == pytest.approx(0.9, abs=0.02)
    assert scheduler.recall(card, card.due + timedelta(days=30)) < 0.8

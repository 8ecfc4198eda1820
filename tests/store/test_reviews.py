"""The review log and card states: recording, exact undo, and the queries behind the due
queue, the mistakes list and the statistics — on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from quizapp.store import ReviewRequest, Schedule, Store, open_url
from tests.store.helpers import START, FakeClock

AGAIN, HARD, GOOD = 1, 2, 3


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_url(db_url, "kim", clock=FakeClock()) as opened:
        yield opened


def sched(
    due: datetime, *, state: int = 2, stability: float = 4.0, last: datetime | None = START
) -> Schedule:
    return Schedule(state, None if state == 2 else 0, stability, 5.5, due, last)


def review(
    store: Store,
    card_id: str,
    rating: int,
    at: datetime,
    after: Schedule,
    *,
    correct: bool | None = None,
    kind: str = "written",
) -> int:
    applied = store.reviews.apply(
        ReviewRequest(
            card_id, kind, rating, at, answer=f"answer@{at:%H%M}", correct=correct, duration_ms=1500
        ),
        lambda _before: after,
    )
    return applied.entry.id


def test_a_review_creates_the_card_and_a_log_entry_with_everything(store: Store) -> None:
    seen: list[Schedule | None] = []
    after = sched(START + timedelta(days=2))

    def compute(before: Schedule | None) -> Schedule:
        seen.append(before)
        return after

    applied = store.reviews.apply(
        ReviewRequest("sa", "written", GOOD, START, answer="relu", correct=True, duration_ms=3210),
        compute,
    )
    assert seen == [None]  # a new card
    assert applied.after == after
    card = store.reviews.card("sa")
    assert card is not None
    assert (card.kind, card.schedule, card.introduced_at, card.last_correct) == (
        "written",
        after,
        START,
        True,
    )
    [entry] = store.reviews.entries()
    assert entry.id == applied.entry.id
    assert (entry.card_id, entry.rating, entry.reviewed_at, entry.duration_ms) == (
        "sa",
        GOOD,
        START,
        3210,
    )
    assert (entry.answer, entry.correct, entry.before) == ("relu", True, None)


def test_the_next_review_sees_the_stored_state_and_logs_it_as_before(store: Store) -> None:
    first = sched(START + timedelta(days=2))
    review(store, "sa", GOOD, START, first, correct=True)
    seen: list[Schedule | None] = []
    later = START + timedelta(days=2)
    store.reviews.apply(
        ReviewRequest("sa", "written", AGAIN, later, correct=False),
        lambda before: (
            seen.append(before) or sched(later + timedelta(minutes=10), state=3, last=later)
        ),
    )
    assert seen == [first]
    newest = store.reviews.entries("sa")[0]
    assert newest.before == first and newest.before_last_correct is True


def test_undo_restores_the_card_exactly_and_deletes_the_entry(store: Store) -> None:
    review(store, "sa", GOOD, START, sched(START + timedelta(days=2)), correct=True)
    before = store.reviews.card("sa")
    later = START + timedelta(days=2, hours=3)
    entry_id = review(
        store,
        "sa",
        AGAIN,
        later,
        sched(later + timedelta(minutes=10), state=3, last=later),
        correct=False,
    )
    assert store.reviews.mistakes() == ["sa"]

    undone = store.reviews.undo(entry_id)
    assert undone is not None and undone.id == entry_id
    assert store.reviews.card("sa") == before  # state, step, S, D, due, last review, last_correct
    assert [e.id for e in store.reviews.entries()] == [entry_id - 1]
    assert store.reviews.mistakes() == []
    assert store.reviews.count() == 1
    # ids are never reused: a later entry cannot be mistaken for the undone one
    assert review(store, "sa", GOOD, later, sched(later + timedelta(days=5))) > entry_id


def test_undo_of_a_first_review_makes_the_card_new_again(store: Store) -> None:
    entry_id = review(store, "sa", GOOD, START, sched(START + timedelta(days=1)))
    assert store.reviews.undo(entry_id) is not None
    assert store.reviews.card("sa") is None
    assert store.reviews.seen_ids() == set()
    assert store.reviews.count() == 0


def test_only_the_latest_entry_of_a_card_can_be_undone(store: Store, db_url: str) -> None:
    first = review(store, "sa", GOOD, START, sched(START + timedelta(days=1)))
    second = review(store, "sa", GOOD, START + timedelta(days=1), sched(START + timedelta(days=4)))
    other = review(store, "tf", AGAIN, START + timedelta(days=1), sched(START, state=1))
    card = store.reviews.card("sa")
    assert store.reviews.undo(first) is None
    assert store.reviews.card("sa") == card
    assert store.reviews.undo(second) is not None  # latest of its card, though not of the log
    assert store.reviews.undo(123456) is None
    with open_url(db_url, "lee") as lee:
        assert lee.reviews.undo(other) is None  # another profile's entry
    assert store.reviews.count() == 2


def test_mistakes_are_the_cards_whose_last_answer_was_wrong(store: Store) -> None:
    t = START
    review(store, "sa", AGAIN, t, sched(t), correct=False)
    review(store, "tf", GOOD, t, sched(t + timedelta(days=1)), correct=True)
    review(
        store,
        "fc",
        AGAIN,
        t + timedelta(minutes=1),
        sched(t, last=t + timedelta(minutes=1)),
        kind="flashcard",
    )
    review(store, "fc:reverse", HARD, t, sched(t + timedelta(days=1)), kind="flashcard")
    assert store.reviews.mistakes() == ["fc", "sa"]  # a flashcard rated Again is a mistake too
    review(
        store,
        "sa",
        GOOD,
        t + timedelta(hours=1),
        sched(t + timedelta(days=1), last=t + timedelta(hours=1)),
        correct=True,
    )
    assert store.reviews.mistakes() == ["fc"]


def test_due_queries_use_due_order_and_last_review(store: Store) -> None:
    minute, day = timedelta(minutes=1), timedelta(days=1)
    review(store, "late", GOOD, START, sched(START + 9 * day))
    review(store, "soon", GOOD, START, sched(START + day))
    review(store, "now", AGAIN, START, sched(START + minute, state=1))
    review(store, "in-ten", AGAIN, START, sched(START + 10 * minute, state=1))
    # review cards due before the end of the study day, learning cards only once due
    assert store.reviews.due_ids(START + 5 * minute, START + 2 * day) == ["now", "soon"]
    assert store.reviews.due_ids(START + 10 * minute, START + 2 * day) == ["now", "in-ten", "soon"]
    assert store.reviews.not_reviewed_since(START + minute, START + 2 * day) == ["late"]
    assert store.reviews.seen_ids() == {"late", "soon", "now", "in-ten"}
    assert store.reviews.introduced_since(START) == 4
    assert store.reviews.introduced_since(START + timedelta(seconds=1)) == 0
    review(store, "soon", GOOD, START + minute, sched(START + 5 * day, last=START + minute))
    assert store.reviews.introduced_since(START) == 4  # a second review introduces nothing


def test_counts_days_and_retention(store: Store) -> None:
    day = timedelta(days=1)
    review(store, "a", GOOD, START - 2 * day, sched(START))
    review(store, "a", GOOD, START, sched(START + 3 * day))  # was in review state: recalled
    review(store, "b", GOOD, START - day, sched(START))
    review(store, "b", AGAIN, START + timedelta(hours=1), sched(START, state=3))  # forgotten
    review(store, "c", AGAIN, START, sched(START, state=1))  # new card: not retention
    assert store.reviews.count() == 5
    assert store.reviews.count(since=START) == 3
    assert store.reviews.count(since=START - day, until=START) == 1
    assert store.reviews.retention(START - day / 2) == (1, 2)
    starts = [START - n * day for n in range(6)]
    assert store.reviews.active_days(starts) == [True, True, True, False]

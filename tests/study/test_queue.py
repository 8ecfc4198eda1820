"""The due queue: due cards first, new ones within the daily limit, filters, the exam
date pulling reviews forward, and bank changes keyed by item id."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from question_bank import load_bank, parse_pages_arg
from quizapp.study import CardFilter, Rating, StudyService
from tests.store.helpers import SAMPLE_BANK, FakeClock, write_sample_bank
from tests.study.conftest import MakeService
from tests.study.studying import answer_current, study

ALL_NEW = ["sc", "mc", "tf", "sa", "num", "cz", "fc", "loss-card", "loss-sa", "tk"]


def ids(cards: object) -> list[str]:
    return [c.card_id for c in cards]  # type: ignore[attr-defined]


def test_a_fresh_profile_gets_new_cards_in_bank_order(service: StudyService) -> None:
    queue = service.due_queue()
    assert ids(queue.due) == [] and ids(queue.pulled) == []
    assert ids(queue.new) == ALL_NEW  # the reverse side waits for its front
    assert queue.new_unseen == len(ALL_NEW)


def test_the_daily_limit_counts_cards_introduced_today(
    service: StudyService, clock: FakeClock
) -> None:
    service.set_daily_new_limit(3)
    assert ids(service.due_queue().new) == ["sc", "mc", "tf"]
    study(service, "sc")
    study(service, "mc", right=False)
    queue = service.due_queue()
    assert ids(queue.new) == ["tf"] and queue.new_today == 2
    clock.set(datetime(2026, 3, 3, 5, 0, tzinfo=UTC))  # the next study day (starts 04:00)
    assert ids(service.due_queue().new) == ["tf", "sa", "num"]
    service.set_daily_new_limit(0)
    assert ids(service.due_queue().new) == []


def test_a_quiz_leaves_the_new_card_limit_unless_it_learns_new_cards(
    service: StudyService, clock: FakeClock
) -> None:
    """Cards answered for the first time in a quiz are scheduled (they are seen now) but
    do not use up today's new cards; a quiz that chooses to learn new cards does."""
    service.set_daily_new_limit(3)
    quiz = service.quiz_session(CardFilter(types=frozenset({"true_false", "short_answer"})))
    while quiz.current() is not None:
        answer_current(quiz)
    assert {"tf", "sa"} <= service.store.reviews.seen_ids()
    queue = service.due_queue()
    assert queue.new_today == 0
    assert ids(queue.new) == ["sc", "mc", "num"]  # three new cards still, the quiz's not among them

    learning = service.quiz_session(CardFilter(types=frozenset({"numeric"})), learn_new=True)
    answer_current(learning)
    queue = service.due_queue()
    assert queue.new_today == 1 and ids(queue.new) == ["sc", "mc"]


def test_due_cards_come_first_earliest_first(service: StudyService, clock: FakeClock) -> None:
    study(service, "loss-card", rating=Rating.Easy)  # due in days
    study(service, "fc", rating=Rating.Easy)
    study(service, "sa")
    clock.advance(minutes=10)
    study(service, "sa")  # graduates: due in a few days
    due = {c: service.store.reviews.card(c).schedule.due for c in ("loss-card", "fc", "sa")}  # type: ignore[union-attr]
    clock.set(max(due.values()) + timedelta(hours=1))
    queue = service.due_queue()
    assert ids(queue.due) == sorted(due, key=lambda c: due[c])
    assert queue.cards[: len(due)] == list(queue.due)
    assert "fc:reverse" in ids(queue.new)  # its front has been seen now


def test_learning_cards_wait_for_their_minutes_and_reviews_count_all_day(
    service: StudyService, clock: FakeClock
) -> None:
    study(service, "tf", right=False)  # Again: back in 1 minute
    assert "tf" not in ids(service.due_queue().due)
    clock.advance(minutes=1)
    assert ids(service.due_queue().due) == ["tf"]
    study(service, "loss-card", rating=Rating.Easy)
    due = service.store.reviews.card("loss-card").schedule.due  # type: ignore[union-attr]
    clock.set(due.replace(hour=4, minute=30))  # the morning of its due day, hours before the minute
    assert "loss-card" in ids(service.due_queue().due)


def test_filters_by_pages_topic_and_type(service: StudyService) -> None:
    def new(**kwargs: object) -> list[str]:
        return ids(service.due_queue(CardFilter(**kwargs)).new)  # type: ignore[arg-type]

    assert new(pages=tuple(parse_pages_arg("50"))) == ["loss-card", "loss-sa", "tk"]
    assert new(pages=tuple(parse_pages_arg("11,99"))) == ["sc", "mc", "tf", "sa", "num", "cz", "fc"]
    assert new(topic="손실함수") == ["loss-card", "loss-sa", "tk"]
    assert new(types=frozenset({"short_answer"})) == ["sa", "loss-sa"]
    assert new(types=frozenset({"written"})) == ["sc", "mc", "tf", "sa", "num", "cz", "loss-sa"]
    assert new(types=frozenset({"task", "flashcard"}), topic="손실함수") == ["loss-card", "tk"]
    with pytest.raises(ValueError, match="unknown type 'essay'"):
        CardFilter(types=frozenset({"essay"}))


def test_an_exam_date_pulls_forward_what_would_fall_after_it(
    service: StudyService, clock: FakeClock
) -> None:
    study(service, "loss-card", rating=Rating.Easy)
    due = service.store.reviews.card("loss-card").schedule.due  # type: ignore[union-attr]
    exam = date(2026, 3, 6)
    assert due > datetime(2026, 3, 7, 4, 0, tzinfo=UTC)  # without the exam, after it
    service.set_exam_date(exam)

    clock.set(datetime(2026, 3, 4, 20, 0, tzinfo=UTC))  # two days before: not yet
    assert service.due_queue().pulled == ()
    clock.set(datetime(2026, 3, 5, 5, 0, tzinfo=UTC))  # the eve
    queue = service.due_queue()
    assert ids(queue.pulled) == ["loss-card"] and queue.due_by_kind()["flashcard"] == 1
    study(service, "loss-card", rating=Rating.Good)
    clock.set(datetime(2026, 3, 6, 5, 0, tzinfo=UTC))  # exam morning: reviewed on the eve
    assert service.due_queue().pulled == ()
    clock.set(datetime(2026, 3, 7, 5, 0, tzinfo=UTC))  # after the exam: back to normal
    assert service.due_queue().pulled == ()
    service.set_exam_date(None)
    assert service.plan().exam_date is None


def test_bank_changes_keep_progress_by_item_id(
    service: StudyService, make_service: MakeService, clock: FakeClock, tmp_path: Path
) -> None:
    study(service, "sa", right=False)
    study(service, "loss-card", rating=Rating.Again)
    sa_before = service.store.reviews.card("sa")

    tensor = str(SAMPLE_BANK["items/1-tensor.yaml"]).replace(
        "은닉층에 흔히 쓰는 활성화 함수는?", "은닉층 활성화 함수로 가장 흔한 것은?"
    )
    loss = """
        topic: 손실함수
        pages: [50]
        items:
          - id: loss-sa
            type: short_answer
            prompt: 이진 분류의 손실함수는?
            answers: [BCELoss]
          - id: brand-new
            type: true_false
            prompt: MSELoss는 회귀에 쓴다.
            answer: true
    """
    edited = load_bank(
        [
            write_sample_bank(
                tmp_path / "edited", {"items/1-tensor.yaml": tensor, "items/2-loss.yaml": loss}
            )
        ],
        bundled=False,
    )
    after = make_service(edited)
    assert after.catalogue.bank.items["sa"].prompt.startswith("은닉층 활성화")  # type: ignore[union-attr]
    assert after.store.reviews.card("sa") == sa_before  # text changed, progress stayed
    assert [c.card_id for c in after.mistakes()] == ["sa"]  # loss-card is gone from the bank
    clock.advance(days=1)
    queue = after.due_queue()
    assert ids(queue.due) == ["sa"]  # loss-card is due too, but no longer scheduled
    assert "brand-new" in ids(queue.new)
    assert [e.card_id for e in after.store.reviews.entries("loss-card")] == [
        "loss-card"
    ]  # history kept

"""Study sessions: answers checked and committed at once, missed cards back in the same
session, exact undo, cram that changes nothing, quizzes, and the mistakes list."""

from __future__ import annotations

import pytest

from question_bank import parse_pages_arg
from quizapp.store import open_url
from quizapp.study import CardFilter, Rating, StudyError, StudyService
from tests.store.helpers import RIGHT, WRONG, FakeClock
from tests.study.studying import answer_current, study
from tests.verdicts import grader_failure, verdict


def test_a_written_answer_rates_good_when_right_and_again_when_wrong(service: StudyService) -> None:
    session = service.session([service.catalogue.by_id[c] for c in ("sa", "num")])
    right = session.answer(RIGHT["sa"], duration_ms=4200)
    assert (right.correct, right.rating, right.expected, right.interval) == (
        True,
        Rating.Good,
        "ReLU / 렐루",
        "10m",
    )
    wrong = session.answer(WRONG["num"])
    assert (wrong.correct, wrong.rating, wrong.answer, wrong.interval) == (
        False,
        Rating.Again,
        "897",
        "1m",
    )
    entries = {e.card_id: e for e in service.store.reviews.entries()}
    assert (entries["sa"].answer, entries["sa"].correct, entries["sa"].duration_ms) == (
        "  relu ",
        True,
        4200,
    )
    assert (entries["num"].rating, entries["num"].correct) == (1, False)


def test_each_answer_is_committed_when_given(service: StudyService, db_url: str) -> None:
    session = service.review_session()
    outcome = answer_current(session)
    with open_url(db_url, "kim") as other:  # another connection, another instance
        assert [e.id for e in other.reviews.entries()] == [outcome.entry_id]


def test_a_missed_card_returns_in_the_same_session(service: StudyService, clock: FakeClock) -> None:
    service.set_daily_new_limit(3)
    session = service.review_session()  # sc, mc, tf
    first = session.current()
    assert first is not None and first.ref.card_id == "sc"
    answer_current(session, right=False)  # Again: back in 1 minute
    clock.advance(seconds=30)
    answer_current(session)  # mc
    clock.advance(seconds=40)
    assert session.current().ref.card_id == "sc"  # type: ignore[union-attr]  # due again: before tf
    answer_current(session)  # sc right: next step in 10 minutes
    answer_current(session)  # tf
    # nothing else pending: learning cards due within 20 minutes are shown ahead of time
    shown = []
    while (card := session.current()) is not None:
        shown.append(card.ref.card_id)
        answer_current(session)
    assert sorted(shown) == ["mc", "sc", "tf"]
    assert session.remaining == 0 and session.answered == 7
    assert (session.right, session.wrong) == (6, 1)


def test_flashcards_are_self_rated_on_both_sides(service: StudyService) -> None:
    study(service, "fc", rating=Rating.Good)
    session = service.session([service.catalogue.by_id["fc:reverse"]])
    card = session.current()
    assert card is not None and card.ref.reverse and card.ref.item_id == "fc"
    with pytest.raises(StudyError, match="flashcard card, not written"):
        session.answer("다차원 배열")
    outcome = session.rate(Rating.Hard)
    assert outcome.expected == "텐서란?"  # the reverse side asks for the front
    assert outcome.correct is None
    assert service.store.reviews.card("fc:reverse") is not None
    written = service.session([service.catalogue.by_id["sa"]])
    with pytest.raises(StudyError, match="written card, not flashcard"):
        written.rate(Rating.Easy)


def test_the_buttons_show_each_ratings_interval(service: StudyService) -> None:
    session = service.session([service.catalogue.by_id["loss-card"]])
    shown = session.next_intervals()
    assert [shown[r] for r in (Rating.Again, Rating.Hard, Rating.Good)] == ["1m", "6m", "10m"]
    assert session.rate(Rating.Easy).interval == shown[Rating.Easy]


def test_undo_restores_the_card_and_removes_the_log_entry(
    service: StudyService, clock: FakeClock
) -> None:
    study(service, "sa")
    clock.advance(minutes=10)
    study(service, "sa")  # graduated
    clock.advance(days=3)
    before = service.store.reviews.card("sa")
    entries_before = service.store.reviews.entries()
    session = service.review_session(CardFilter(types=frozenset({"short_answer"})))
    assert session.current().ref.card_id == "sa"  # type: ignore[union-attr]
    answer_current(session, right=False)
    assert service.store.reviews.mistakes() == ["sa"]
    answer_current(session)  # loss-sa (new)

    shown = session.undo()
    assert shown is not None and shown.ref.card_id == "loss-sa"
    assert service.store.reviews.card("loss-sa") is None  # new again
    shown = session.undo()
    assert shown is not None and shown.ref.card_id == "sa"
    assert service.store.reviews.card("sa") == before  # exactly, due and stability included
    assert shown.schedule == before.schedule  # type: ignore[union-attr]
    assert service.store.reviews.entries() == entries_before
    assert service.store.reviews.mistakes() == []
    assert session.undo() is None
    assert (session.answered, session.right, session.wrong) == (0, 0, 0)
    # and the session goes on from the undone card
    assert answer_current(session).card.card_id == "sa"
    assert session.current().ref.card_id == "loss-sa"  # type: ignore[union-attr]


def test_undo_refuses_when_the_card_was_answered_again_elsewhere(service: StudyService) -> None:
    session = service.session([service.catalogue.by_id["tf"]])
    answer_current(session)
    study(service, "tf", right=False)  # e.g. in a second window
    with pytest.raises(StudyError, match="answered again since"):
        session.undo()
    assert len(service.store.reviews.entries("tf")) == 2


def test_cram_checks_answers_without_touching_the_schedule(
    service: StudyService, clock: FakeClock
) -> None:
    study(service, "sa", right=False)
    clock.advance(minutes=5)
    cards = service.store.reviews.cards()
    entries = service.store.reviews.entries()
    session = service.quiz_session(CardFilter(topic="텐서"), cram=True, seed=7)
    outcomes = []
    while session.current() is not None:
        outcomes.append(answer_current(session, right=len(outcomes) % 2 == 0))
    # every written item and flashcard side of the topic, once
    assert sorted(o.card.card_id for o in outcomes) == sorted(
        ["sc", "mc", "tf", "sa", "num", "cz", "fc", "fc:reverse"]
    )
    assert all(o.entry_id is None for o in outcomes)
    assert (session.right, session.wrong) == (4, 4)
    assert service.store.reviews.cards() == cards
    assert service.store.reviews.entries() == entries
    assert service.store.reviews.mistakes() == ["sa"]  # even if sa was answered right in cram
    session.undo()  # undo in cram touches nothing either
    assert service.store.reviews.entries() == entries


def test_a_quiz_draws_by_filter_and_count_reproducibly(service: StudyService) -> None:
    chosen = CardFilter(pages=tuple(parse_pages_arg("10-12")), types=frozenset({"written"}))
    first = [c.card_id for c in service.quiz_cards(chosen, count=4, seed=1)]
    assert first == [c.card_id for c in service.quiz_cards(chosen, count=4, seed=1)]
    assert len(first) == 4 and set(first) <= {"sc", "mc", "tf", "sa", "num", "cz"}
    assert {c.card_id for c in service.quiz_cards(seed=3)} == {
        "sc",
        "mc",
        "tf",
        "sa",
        "num",
        "cz",
        "fc",
        "fc:reverse",
        "loss-card",
        "loss-sa",
    }  # no tasks unless asked for
    session = service.quiz_session(chosen, count=4, seed=1)
    outcomes = [answer_current(session, right=False) for _ in range(4)]
    assert session.current() is None  # each card once, even when missed
    assert [o.card.card_id for o in outcomes] == first
    assert len(service.store.reviews.entries()) == 4  # a quiz (not cram) schedules its answers


def test_the_mistakes_list_holds_wrong_answers_until_answered_right(
    service: StudyService, clock: FakeClock
) -> None:
    study(service, "sa", right=False)
    clock.advance(minutes=1)
    study(service, "num", right=False)
    clock.advance(minutes=1)
    study(service, "loss-card", rating=Rating.Again)
    study(service, "tf")
    assert [c.card_id for c in service.mistakes()] == ["loss-card", "num", "sa"]
    assert [c.card_id for c in service.mistakes(CardFilter(topic="텐서"))] == ["num", "sa"]
    session = service.session(service.mistakes(), requeue=False)
    answer_current(session)  # loss-card: Good
    answer_current(session, right=False)  # num: wrong again
    answer_current(session)  # sa: right
    assert [c.card_id for c in service.mistakes()] == ["num"]


def test_task_practice_keeps_history_drafts_and_schedules_the_task(
    service: StudyService, clock: FakeClock
) -> None:
    practice = service.practice
    practice.save_draft("tk", "def make_criterion():\n")
    assert practice.draft("tk") == "def make_criterion():\n"
    failed = practice.submit("tk", "def make_criterion(): pass", verdict("tk", 0, duration_s=1.5))
    assert failed is not None and failed.review is not None
    assert failed.review.entry.rating == Rating.Again
    clock.advance(minutes=2)
    passed = practice.submit("tk", "import torch.nn as nn", verdict("tk", 10))
    assert passed is not None and passed.review is not None
    assert passed.review.entry.rating == Rating.Good
    history = practice.history("tk")
    assert [(s.code, s.passed, s.score) for s in history] == [
        ("import torch.nn as nn", True, 10.0),
        ("def make_criterion(): pass", False, 0.0),
    ]
    assert service.store.reviews.entries("tk")[1].duration_ms == 1500
    assert service.mistakes() == []
    practice.discard_draft("tk")
    assert practice.draft("tk") is None
    ungraded = practice.submit("tk", "x", verdict("tk", 0), schedule=False)
    assert ungraded is not None and ungraded.review is None
    assert len(service.store.reviews.entries("tk")) == 2


def test_a_grader_failure_is_not_held_against_the_student(service: StudyService) -> None:
    """No submission in the history, no Again, nothing in the mistakes list."""
    assert service.practice.submit("tk", "code", grader_failure("tk")) is None
    assert service.practice.history("tk") == []
    assert service.store.reviews.entries("tk") == []
    session = service.session([service.catalogue.by_id["tk"]])
    assert session.submit_task("code", grader_failure("tk")) is None
    assert (session.answered, session.wrong, session.remaining) == (0, 0, 1)
    current = session.current()
    assert current is not None and current.ref.card_id == "tk"  # still to be answered
    assert service.practice.history("tk") == [] and service.mistakes() == []


def test_a_task_in_a_session_is_submitted_through_it(service: StudyService) -> None:
    session = service.session([service.catalogue.by_id["tk"]])
    outcome = session.submit_task("code", verdict("tk", 7, duration_s=3))
    assert outcome is not None and outcome.submission is not None
    assert outcome.submission.result.score == 7
    assert outcome.rating == Rating.Again and outcome.entry_id is not None
    assert service.store.reviews.entries("tk")[0].duration_ms == 3000
    assert session.undo() is not None
    assert service.store.reviews.card("tk") is None
    assert len(service.practice.history("tk")) == 1  # the submission itself stays in the history


def test_a_task_in_cram_joins_the_history_without_scheduling(service: StudyService) -> None:
    session = service.session([service.catalogue.by_id["tk"]], cram=True)
    outcome = session.submit_task("code", verdict("tk", 10))
    assert outcome is not None and outcome.correct and outcome.entry_id is None
    assert service.store.reviews.entries("tk") == []
    assert len(service.practice.history("tk")) == 1

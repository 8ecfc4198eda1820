"""Answering cards in tests the way a screen would: through a session."""

from __future__ import annotations

from quizapp.study import Outcome, Rating, StudyService, StudySession
from tests.store.helpers import RIGHT, WRONG
from tests.verdicts import verdict


def answer_current(
    session: StudySession, right: bool = True, rating: Rating | None = None
) -> Outcome:
    """Answer the session's current card: a written item right or wrong, a flashcard by
    ``rating`` (Good when right, Again when wrong, unless given)."""
    card = session.current()
    assert card is not None, "the session is over"
    if card.ref.kind == "flashcard":
        return session.rate(rating or (Rating.Good if right else Rating.Again))
    if card.ref.kind == "task":
        outcome = session.submit_task("code", verdict(card.ref.item_id, 10 if right else 0))
        assert outcome is not None
        return outcome
    return session.answer((RIGHT if right else WRONG)[card.ref.item_id])


def study(
    service: StudyService, card_id: str, right: bool = True, rating: Rating | None = None
) -> Outcome:
    """Answer one card now, in a session of its own."""
    session = service.session([service.catalogue.by_id[card_id]])
    return answer_current(session, right, rating)

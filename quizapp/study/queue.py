"""The due queue: cards due now first (earliest first), then new cards within the
daily limit, optionally filtered by pages, topic and type.

Review-state cards count as due for the whole study day they fall on (as in
Anki); learning cards only once their minutes have passed (the session shows
them again when they are). With an exam date, a card whose next review would
fall after the exam is pulled forward: from the start of the exam's eve until
the end of the exam day, every card not reviewed since the eve began is due.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..store.reviews import Reviews
from .cards import KINDS, REVERSE_SUFFIX, CardFilter, CardRef, Catalogue
from .days import StudyDay


@dataclass(frozen=True)
class StudyPlan:
    """A profile's settings that shape the queue."""

    daily_new_limit: int
    exam_date: date | None = None


@dataclass(frozen=True)
class DueQueue:
    due: tuple[CardRef, ...]
    pulled: tuple[CardRef, ...]  # due only because the exam comes first
    new: tuple[CardRef, ...]
    new_today: int  # cards introduced today already (they count against the limit)
    new_unseen: int  # how many cards (matching the filter) were never answered

    @property
    def cards(self) -> list[CardRef]:
        return [*self.due, *self.pulled, *self.new]

    def due_by_kind(self) -> dict[str, int]:
        counts = Counter(card.kind for card in (*self.due, *self.pulled))
        return {kind: counts.get(kind, 0) for kind in KINDS}


def exam_eve(plan: StudyPlan, day: StudyDay, now: datetime) -> datetime | None:
    """The start of the exam's eve while pulling forward is on (eve to end of exam day)."""
    if plan.exam_date is None:
        return None
    eve = day.start(plan.exam_date - timedelta(days=1))
    end = day.start(plan.exam_date + timedelta(days=1))
    return eve if eve <= now < end else None


def build_queue(
    reviews: Reviews,
    catalogue: Catalogue,
    *,
    now: datetime,
    day: StudyDay,
    plan: StudyPlan,
    card_filter: CardFilter | None = None,
) -> DueQueue:
    def wanted(card_id: str) -> CardRef | None:
        card = catalogue.by_id.get(card_id)
        if card is None or (card_filter is not None and not card_filter.accepts(card)):
            return None
        return card

    day_end = day.tomorrow_start(now)
    due = [card for card_id in reviews.due_ids(now, day_end) if (card := wanted(card_id))]
    pulled: list[CardRef] = []
    eve = exam_eve(plan, day, now)
    if eve is not None:
        pulled = [
            card
            for card_id in reviews.not_reviewed_since(eve, due_after=day_end)
            if (card := wanted(card_id))
        ]

    seen = reviews.seen_ids()
    unseen = [
        card
        for card in catalogue.select(card_filter)
        if card.card_id not in seen
        # a reverse side waits until its front has been seen
        and not (card.reverse and card.card_id.removesuffix(REVERSE_SUFFIX) not in seen)
    ]
    new_today = reviews.introduced_since(day.today_start(now))
    room = max(0, plan.daily_new_limit - new_today)
    return DueQueue(tuple(due), tuple(pulled), tuple(unseen[:room]), new_today, len(unseen))

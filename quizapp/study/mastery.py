"""Mastery per syllabus entry, for the coverage view: the share of the entry's items
that the student would recall now.

An item counts as mastered when each of its cards (a reversible flashcard has
two) has a predicted recall probability of at least 0.9 and its last answer was
right — a card just failed is "fresh" by the forgetting curve but not known.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from question_bank import PageRange, format_pages

from ..store import CardProgress
from .cards import CardRef, Catalogue
from .scheduler import StudyScheduler

MASTERED_RECALL = 0.9


@dataclass(frozen=True)
class Mastery:
    title: str
    pages: str
    items: int
    mastered: int

    @property
    def percent(self) -> float:
        return round(100.0 * self.mastered / self.items, 1) if self.items else 0.0


def mastered_items(
    catalogue: Catalogue,
    progress: Mapping[str, CardProgress],
    scheduler: StudyScheduler,
    now: datetime,
) -> set[str]:
    """Ids of the items (and tasks) whose every card is mastered."""
    cards_of: dict[str, list[CardRef]] = {}
    for card in catalogue.cards:
        cards_of.setdefault(card.item_id, []).append(card)

    def known(card: CardRef) -> bool:
        found = progress.get(card.card_id)
        return (
            found is not None
            and found.last_correct
            and scheduler.recall(found.schedule, now) >= MASTERED_RECALL
        )

    return {item for item, cards in cards_of.items() if all(known(c) for c in cards)}


def _page_numbers(ranges: Iterable[PageRange], low: int, high: int) -> set[int]:
    """The pages of ``ranges`` that lie within ``[low, high]``."""
    pages: set[int] = set()
    for r in ranges:
        pages.update(range(max(r.start, low), min(r.end, high) + 1))
    return pages


def syllabus_mastery(
    catalogue: Catalogue,
    progress: Mapping[str, CardProgress],
    scheduler: StudyScheduler,
    now: datetime,
) -> list[Mastery]:
    return entry_mastery(catalogue, mastered_items(catalogue, progress, scheduler, now))


def _syllabus_span(catalogue: Catalogue) -> tuple[int, int] | None:
    syllabus = catalogue.bank.syllabus
    if not syllabus:
        return None
    low = min(r.start for entry in syllabus for r in entry.pages)
    high = max(r.end for entry in syllabus for r in entry.pages)
    return low, high


def _items_on_pages(catalogue: Catalogue, low: int, high: int) -> dict[int, set[str]]:
    """Item ids by page, within ``[low, high]``: an item is on every page it cites."""
    on_page: dict[int, set[str]] = {}
    seen: set[str] = set()
    for card in catalogue.cards:
        if card.item_id in seen:
            continue
        seen.add(card.item_id)
        for page in _page_numbers(card.pages, low, high):
            on_page.setdefault(page, set()).add(card.item_id)
    return on_page


def entry_mastery(catalogue: Catalogue, mastered: set[str]) -> list[Mastery]:
    """Per syllabus entry, given the mastered item ids (:func:`mastered_items`)."""
    span = _syllabus_span(catalogue)
    if span is None:
        return []
    # An item belongs to an entry when they share a page (ranges are inclusive, whole pages).
    on_page = _items_on_pages(catalogue, *span)
    rows = []
    for entry in catalogue.bank.syllabus:
        items: set[str] = set()
        for page in _page_numbers(entry.pages, *span):
            items |= on_page.get(page, set())
        rows.append(
            Mastery(
                title=entry.title,
                pages=format_pages(entry.pages),
                items=len(items),
                mastered=len(items & mastered),
            )
        )
    return rows


def page_mastery(catalogue: Catalogue, mastered: set[str]) -> list[Mastery]:
    """Per textbook page of the syllabus that has items (the finer view of the same data):
    ``title`` and ``pages`` are the page number."""
    span = _syllabus_span(catalogue)
    if span is None:
        return []
    on_page = _items_on_pages(catalogue, *span)
    return [
        Mastery(str(page), str(page), len(items), len(items & mastered))
        for page, items in sorted(on_page.items())
    ]

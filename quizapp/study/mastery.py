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
    return PageIndex(catalogue).entries(mastered_items(catalogue, progress, scheduler, now))


class PageIndex:
    """The bank's items by textbook page, within the syllabus's page span: built once,
    then asked for any number of students' mastery (the class report asks for all)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.syllabus = catalogue.bank.syllabus
        self.on_page: dict[int, set[str]] = {}
        if not self.syllabus:
            return
        self.span = (
            min(r.start for entry in self.syllabus for r in entry.pages),
            max(r.end for entry in self.syllabus for r in entry.pages),
        )
        seen: set[str] = set()
        for card in catalogue.cards:
            if card.item_id in seen:
                continue
            seen.add(card.item_id)
            for page in _page_numbers(card.pages, *self.span):
                self.on_page.setdefault(page, set()).add(card.item_id)
        # An item belongs to an entry when they share a page (inclusive, whole pages).
        self.of_entry = []
        for entry in self.syllabus:
            items: set[str] = set()
            for page in _page_numbers(entry.pages, *self.span):
                items |= self.on_page.get(page, set())
            self.of_entry.append(items)

    def entries(self, mastered: set[str]) -> list[Mastery]:
        """Per syllabus entry, given the mastered item ids (:func:`mastered_items`)."""
        return (
            [
                Mastery(entry.title, format_pages(entry.pages), len(items), len(items & mastered))
                for entry, items in zip(self.syllabus, self.of_entry, strict=True)
            ]
            if self.syllabus
            else []
        )

    def pages(self, mastered: set[str]) -> list[Mastery]:
        """Per textbook page with items (the finer view): ``title`` and ``pages`` are the page."""
        return [
            Mastery(str(page), str(page), len(items), len(items & mastered))
            for page, items in sorted(self.on_page.items())
        ]

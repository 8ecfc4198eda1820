"""The bank seen as cards: every written item, every flashcard (and its reverse side)
and every practical task is one card, keyed by its id.

Progress is keyed by these ids, so editing an item's text keeps its progress,
a removed item's history stays in the store but is no longer scheduled (it is
not in the catalogue), and a new item is new.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from question_bank import WRITTEN_TYPES, Bank, Item, PageRange, Task, overlaps

REVERSE_SUFFIX = ":reverse"
CardKind = Literal["written", "flashcard", "task"]
KINDS: tuple[CardKind, ...] = ("written", "flashcard", "task")
TYPE_NAMES = (*WRITTEN_TYPES, "flashcard", "task")


@dataclass(frozen=True)
class CardRef:
    """One schedulable card: ``item_id`` is the bank item or task it shows."""

    card_id: str
    item_id: str
    kind: CardKind
    type: str
    pages: tuple[PageRange, ...]
    topic: str | None
    reverse: bool = False


@dataclass(frozen=True)
class CardFilter:
    """Which cards a queue or quiz draws: by pages, topic and type (all optional).

    ``types`` holds item types (``short_answer``, ``flashcard``, ``task``, ...)
    or the kind ``written`` for every written type.
    """

    pages: tuple[PageRange, ...] | None = None
    topic: str | None = None
    types: frozenset[str] | None = None

    def __post_init__(self) -> None:
        unknown = sorted(set(self.types or ()) - {*TYPE_NAMES, "written"})
        if unknown:
            raise ValueError(
                f"unknown type {unknown[0]!r}; use one of: written, {', '.join(TYPE_NAMES)}"
            )

    @staticmethod
    def _type_matches(card: CardRef, types: frozenset[str]) -> bool:
        return card.type in types or (card.kind == "written" and "written" in types)

    def accepts(self, card: CardRef) -> bool:
        if self.types is not None and not self._type_matches(card, self.types):
            return False
        if self.topic is not None and (card.topic or "").casefold() != self.topic.casefold():
            return False
        return self.pages is None or overlaps(card.pages, self.pages)


def _item_cards(item: Item) -> list[CardRef]:
    pages = tuple(item.pages or ())
    front = CardRef(item.id, item.id, item.kind, item.type, pages, item.topic)
    if item.type == "flashcard" and getattr(item, "reverse", False):
        back = CardRef(
            item.id + REVERSE_SUFFIX, item.id, "flashcard", "flashcard", pages, item.topic, True
        )
        return [front, back]
    return [front]


def _task_card(task: Task) -> CardRef:
    return CardRef(task.id, task.id, "task", "task", tuple(task.pages), task.topic)


class Catalogue:
    """All cards of a bank, in bank order (items, then tasks), with lookups."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        cards = [card for item in bank.items.values() for card in _item_cards(item)]
        cards += [_task_card(task) for task in bank.tasks.values()]
        self.cards: tuple[CardRef, ...] = tuple(cards)
        self.by_id: dict[str, CardRef] = {card.card_id: card for card in cards}

    def __contains__(self, card_id: object) -> bool:
        return card_id in self.by_id

    def __len__(self) -> int:
        return len(self.cards)

    def select(self, card_filter: CardFilter | None = None) -> list[CardRef]:
        if card_filter is None:
            return list(self.cards)
        return [card for card in self.cards if card_filter.accepts(card)]

    def known(self, card_ids: Iterable[str]) -> list[CardRef]:
        """The cards of ``card_ids`` that are still in the bank, in the given order."""
        return [self.by_id[c] for c in card_ids if c in self.by_id]

    def content(self, card: CardRef) -> Item | Task:
        """The item or task a card shows."""
        if card.kind == "task":
            return self.bank.tasks[card.item_id]
        return self.bank.items[card.item_id]

    def item_ids(self) -> list[str]:
        """Every item and task id (a flashcard with a reverse side counts once)."""
        return [*self.bank.items, *self.bank.tasks]

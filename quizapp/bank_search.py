"""Searching the bank by text, page, tag and type (the browse screen's logic)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from question_bank import Bank, PageRange, Task, overlaps
from question_bank.answers.normal import normalize

TASK_TYPE = "task"


@dataclass(frozen=True)
class Query:
    text: str = ""
    pages: tuple[PageRange, ...] = ()
    tag: str = ""
    type: str = ""  # an item type, "task", or "" for any


def searchable_text(entry: Any) -> str:
    """Everything a learner might search for in one item or task, normalised."""
    parts: list[str] = [entry.id, entry.topic or "", *entry.tags]
    for name in ("prompt", "text", "front", "back", "explanation", "title", "answer"):
        value = getattr(entry, name, None)
        if isinstance(value, str):
            parts.append(value)
    for name in ("choices", "answers"):
        parts.extend(getattr(entry, name, None) or [])
    return normalize(" ".join(parts))


def entries(bank: Bank) -> list[Any]:
    """Items then tasks, in bank order."""
    return [*bank.items.values(), *bank.tasks.values()]


def entry_type(entry: Any) -> str:
    return TASK_TYPE if isinstance(entry, Task) else str(entry.type)


def search(bank: Bank, query: Query, index: dict[str, str] | None = None) -> list[Any]:
    """The items and tasks matching every given part of ``query`` (all words of the text)."""
    words = normalize(query.text).split()
    found = []
    for entry in entries(bank):
        if query.type and entry_type(entry) != query.type:
            continue
        if query.tag and query.tag not in entry.tags:
            continue
        if query.pages and not overlaps(entry.pages or [], query.pages):
            continue
        if words:
            haystack = index[entry.id] if index is not None else searchable_text(entry)
            if not all(w in haystack for w in words):
                continue
        found.append(entry)
    return found


def build_index(bank: Bank) -> dict[str, str]:
    """Pre-normalised text of every entry, so that typing in the search box stays instant."""
    return {entry.id: searchable_text(entry) for entry in entries(bank)}


def all_tags(items: Iterable[Any]) -> list[str]:
    return sorted({tag for entry in items for tag in entry.tags})

"""Task kinds and question families: what a blueprint's `kind` and `distinct: family`
draw by, and the warning ``bank check`` gives for a task without a kind."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .models import Item, SyllabusEntry
from .pages import PageRange
from .problems import Problem
from .said import said
from .tasks import Task

if TYPE_CHECKING:
    from .bank_type import Bank


def family_of(question: Item | Task) -> str | None:
    """The family ``distinct: family`` keeps to one question per attempt, or None.

    A task's is its `family` field (a model family: `dnn`, `cnn`, `lstm`); a task
    without one belongs to no family. A written item's is its id without the last
    part when the id has three parts or more (`dnn-param-count-small` and
    `dnn-param-count-mnist` ask the same thing), else the id itself.
    """
    if isinstance(question, Task):
        return question.family
    parts = question.id.split("-")
    return "-".join(parts[:-1]) if len(parts) >= 3 else question.id


def _shared_pages(pages: Sequence[PageRange], entry: SyllabusEntry) -> int:
    return sum(
        max(0, min(a.end, b.end) - max(a.start, b.start) + 1) for a in pages for b in entry.pages
    )


def entry_of(
    pages: Sequence[PageRange] | None, syllabus: Sequence[SyllabusEntry]
) -> SyllabusEntry | None:
    """The syllabus entry a question belongs to: the one holding most of its pages (the
    earlier entry on a tie), or None for a question outside the exam scope."""
    best: SyllabusEntry | None = None
    most = 0
    for entry in syllabus:
        shared = _shared_pages(pages or (), entry)
        if shared > most:
            best, most = entry, shared
    return best


def kind_warnings(bank: Bank) -> list[Problem]:
    """A warning for each task without a `kind`: blueprints that draw by kind skip it."""
    found = []
    for task in bank.tasks.values():
        if task.kind is not None:
            continue
        where = bank.where[task.id]
        message = said(
            f"task {task.id!r} has no `kind` (tensor, batch, model, loop): sections "
            "that draw by kind never draw it",
            f"과제 {task.id!r}에 `kind`(`tensor`, `batch`, `model`, `loop`)가 없습니다: "
            "유형으로 뽑는 영역은 이 과제를 뽑지 않습니다",
        )
        found.append(Problem(where.path, where.line, message, severity="warning"))
    return found

"""The exam scope: which items and tasks the exam can ask (a page in the syllabus), which
blueprint sections keep to it, and the warnings ``bank check`` gives about it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .blueprints import Blueprint, Section
from .models import Item, SyllabusEntry
from .pages import PageRange, overlaps
from .problems import Problem
from .said import said
from .tasks import Task

if TYPE_CHECKING:
    from .bank_type import Bank

# A blueprint whose id or title says so is a mock of the course exam.
_MOCK = re.compile(r"mock|모의\s*고사|모의\s*시험", re.IGNORECASE)


def in_exam_scope(pages: Sequence[PageRange] | None, syllabus: Sequence[SyllabusEntry]) -> bool:
    """Whether something with these pages can be asked in the exam: one of its pages
    lies in a syllabus entry. Items without pages are beyond the exam."""
    return bool(pages) and any(overlaps(pages or [], entry.pages) for entry in syllabus)


def in_section_scope(
    pages: Sequence[PageRange] | None, section: Section, syllabus: Sequence[SyllabusEntry]
) -> bool:
    """Whether the section's ``scope`` lets it draw something with these pages."""
    if section.scope is None:
        return True
    return in_exam_scope(pages, syllabus) == (section.scope == "exam")


def is_exam_mock(blueprint: Blueprint) -> bool:
    return bool(_MOCK.search(blueprint.id) or _MOCK.search(blueprint.title))


def scope_warnings(bank: Bank) -> list[Problem]:
    """A warning for each section of a mock exam that can draw outside the exam scope."""
    found: list[Problem] = []
    for blueprint in bank.exams.values():
        if not is_exam_mock(blueprint):
            continue
        where = bank.where[blueprint.id]
        for section in blueprint.sections:
            pool: Sequence[Item | Task] = (
                bank.written_pool(section) if section.kind == "written" else bank.task_pool(section)
            )
            outside = [q.id for q in pool if not in_exam_scope(q.pages, bank.syllabus)]
            if outside:
                message = said(
                    f"blueprint {blueprint.id!r} is a mock of the exam, but section "
                    f"{section.title!r} can draw {len(outside)} of its {len(pool)} "
                    f"questions from outside the exam scope (e.g. {outside[0]!r}); "
                    "add `scope: exam` to the section",
                    f"모의고사 설계 {blueprint.id!r}는 시험의 모의고사인데 영역 "
                    f"{section.title!r}는 문제 {len(pool)}개 중 {len(outside)}개를 시험 범위 "
                    f"밖에서 뽑을 수 있습니다 (예: {outside[0]!r}); "
                    "영역에 `scope: exam`을 더하세요",
                )
                found.append(Problem(where.path, where.line, message, severity="warning"))
    return found

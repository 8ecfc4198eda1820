"""Cross-checks of a mock exam blueprint that need the whole bank: the tasks it names,
the size of each section's pool, and its `kind`, `weights` and `stratify` draws."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .bank_type import Bank
from .blueprints import Blueprint, Section
from .collector import Collector
from .messages import suggest
from .pages import format_pages
from .said import said
from .yaml_lines import LineDict, line_at


def check_exam(
    bank: Bank,
    broken_tasks: set[str],
    report: Collector,
    path: Path,
    blueprint: Blueprint,
    raw: LineDict,
) -> None:
    """Cross-checks that need the whole bank: task ids and pool sizes."""
    for s, section in enumerate(blueprint.sections):
        where = ("sections", s)
        for t, task in enumerate(section.tasks or []):
            if task not in bank.tasks and task not in broken_tasks:
                hint = suggest(task, bank.tasks)
                report.add(
                    path,
                    line_at(raw, (*where, "tasks", t)),
                    said(f"unknown task {task!r}{hint}", f"없는 과제 {task!r}{hint.ko}"),
                )
        _check_section_draw(bank, broken_tasks, report, path, raw, s, section)
        if section.kind == "written":
            pool: Sequence[Any] = bank.written_pool(section)
            noun = "written items"
        else:
            pool = bank.task_pool(section)
            noun = "tasks"
        wanted = section.size()
        if section.tasks is not None and section.count is None:
            continue  # every listed task is drawn; unknown ones are reported above
        if wanted > len(pool):
            limits = []
            if section.pages is not None:
                limits.append(f"pages {format_pages(section.pages)}")
            if section.types is not None:
                limits.append(f"types {', '.join(section.types)}")
            if section.scope is not None:
                limits.append(f"scope {section.scope}")
            scope = f" ({'; '.join(limits)})" if limits else ""
            report.add(
                path,
                line_at(raw, (*where, "count")),
                f"section {section.title!r} draws {wanted} {noun} but its pool holds {len(pool)}{scope}",
            )


def _check_section_draw(
    bank: Bank,
    broken_tasks: set[str],
    report: Collector,
    path: Path,
    raw: LineDict,
    s: int,
    section: Section,
) -> None:
    """A section's `kind`, `weights` and `stratify` against the tasks and the syllabus."""
    where = ("sections", s)
    kind = section.task_kind
    for t, task_id in enumerate(section.tasks or []):
        task = bank.tasks.get(task_id)
        if kind is not None and task is not None and task.kind != kind:
            report.add(
                path,
                line_at(raw, (*where, "tasks", t)),
                f"task {task_id!r} is of kind {task.kind or '(none)'!r}, but section "
                f"{section.title!r} draws `{kind}` tasks",
            )
    if section.stratify == "syllabus" and not bank.syllabus:
        report.add(
            path,
            line_at(raw, (*where, "stratify")),
            "`stratify: syllabus` needs syllabus entries (syllabus.yaml), and the bank has none",
        )
    if not section.weights:
        return
    if section.practical:
        names: Sequence[str] = [t.id for t in bank.task_pool(section)]
        noun = "a task this section draws"
    else:
        names = [entry.title for entry in bank.syllabus]
        noun = "a syllabus entry title"
    for key in section.weights:
        if key in names:
            continue
        if section.practical and key in broken_tasks:
            continue  # the task's own problems are reported
        hint: str = suggest(key, names)
        other = bank.tasks.get(key) if section.practical else None
        if other is not None:
            hint = f" (task {key!r} is of kind {other.kind or '(none)'!r})"
        report.add(
            path,
            line_at(raw, (*where, "weights", key)),
            f"`weights` names {key!r}, which is not {noun}{hint}",
        )

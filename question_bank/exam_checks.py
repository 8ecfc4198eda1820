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
        if section.tasks is not None and section.count is None:
            continue  # every listed task is drawn; unknown ones are reported above
        _check_pool_size(bank, report, path, line_at(raw, (*where, "count")), section)


def _check_pool_size(
    bank: Bank, report: Collector, path: Path, line: int, section: Section
) -> None:
    """A section that draws more questions than its pool holds."""
    if section.kind == "written":
        pool: Sequence[Any] = bank.written_pool(section)
        noun, ko_noun = "written items", "필기 문항"
    else:
        pool = bank.task_pool(section)
        noun, ko_noun = "tasks", "과제"
    wanted = section.size()
    if wanted <= len(pool):
        return
    limits = []
    if section.pages is not None:
        limits.append(f"pages {format_pages(section.pages)}")
    if section.types is not None:
        limits.append(f"types {', '.join(section.types)}")
    if section.scope is not None:
        limits.append(f"scope {section.scope}")
    scope = f" ({'; '.join(limits)})" if limits else ""
    ko_scope = f" (`{'; '.join(limits)}`)" if limits else ""
    title = section.title
    report.add(
        path,
        line,
        said(
            f"section {title!r} draws {wanted} {noun} but its pool holds {len(pool)}{scope}",
            f"영역 {title!r}는 {ko_noun} {wanted}개를 뽑는데 "
            f"뽑을 수 있는 것은 {len(pool)}개입니다{ko_scope}",
        ),
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
            has = task.kind or "(none)"
            report.add(
                path,
                line_at(raw, (*where, "tasks", t)),
                said(
                    f"task {task_id!r} is of kind {has!r}, but section "
                    f"{section.title!r} draws `{kind}` tasks",
                    f"과제 {task_id!r}의 유형은 {_ko_kind(task.kind)}인데 영역 "
                    f"{section.title!r}는 `{kind}` 과제를 뽑습니다",
                ),
            )
    if section.stratify == "syllabus" and not bank.syllabus:
        report.add(
            path,
            line_at(raw, (*where, "stratify")),
            said(
                "`stratify: syllabus` needs syllabus entries (syllabus.yaml), "
                "and the bank has none",
                "`stratify: syllabus`에는 출제 범위 항목(syllabus.yaml)이 필요한데 "
                "문제 은행에 하나도 없습니다",
            ),
        )
    if not section.weights:
        return
    if section.practical:
        names: Sequence[str] = [t.id for t in bank.task_pool(section)]
        noun, ko_noun = "a task this section draws", "이 영역이 뽑는 과제가"
    else:
        names = [entry.title for entry in bank.syllabus]
        noun, ko_noun = "a syllabus entry title", "출제 범위 항목의 제목이"
    for key in section.weights:
        if key in names:
            continue
        if section.practical and key in broken_tasks:
            continue  # the task's own problems are reported
        hint = suggest(key, names)
        other = bank.tasks.get(key) if section.practical else None
        if other is not None:
            has = other.kind or "(none)"
            hint = said(
                f" (task {key!r} is of kind {has!r})",
                f" (과제 {key!r}의 유형은 {_ko_kind(other.kind)}입니다)",
            )
        report.add(
            path,
            line_at(raw, (*where, "weights", key)),
            said(
                f"`weights` names {key!r}, which is not {noun}{hint}",
                f"`weights`에 쓴 {key!r}는 {ko_noun} 아닙니다{hint.ko}",
            ),
        )


def _ko_kind(kind: str | None) -> str:
    """A task's kind as the Korean messages name it: the kind, or that it has none."""
    return f"`{kind}`" if kind else "없음(`kind` 미지정)"

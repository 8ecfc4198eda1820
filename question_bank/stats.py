"""Counts of a bank, overall and per syllabus entry (``quizapp bank stats``)."""

from __future__ import annotations

from typing import Any

from .bank_type import Bank
from .pages import format_pages, overlaps
from .text import display_width, pad


def bank_stats(bank: Bank) -> dict[str, Any]:
    """The JSON object printed by ``quizapp bank stats --json``."""
    written = bank.written
    flashcards = bank.flashcards
    by_type: dict[str, int] = {}
    for item in bank.items.values():
        by_type[item.type] = by_type.get(item.type, 0) + 1
    syllabus = []
    for entry in bank.syllabus:
        syllabus.append(
            {
                "title": entry.title,
                "pages": [p.to_yaml() for p in entry.pages],
                "notes": entry.notes,
                "written": sum(1 for i in written if overlaps(i.pages or [], entry.pages)),
                "flashcards": sum(1 for i in flashcards if overlaps(i.pages or [], entry.pages)),
                "tasks": sum(1 for t in bank.tasks.values() if overlaps(t.pages, entry.pages)),
            }
        )
    # items whose pages all lie outside the syllabus would be in no row at all
    outside = [
        i
        for i in bank.items.values()
        if i.pages and not any(overlaps(i.pages, e.pages) for e in bank.syllabus)
    ]
    other_pages = {
        "written": sum(1 for i in outside if i.kind == "written"),
        "flashcards": sum(1 for i in outside if i.kind == "flashcard"),
        "tasks": sum(
            1
            for t in bank.tasks.values()
            if not any(overlaps(t.pages, e.pages) for e in bank.syllabus)
        ),
    }
    topics: dict[str, dict[str, int]] = {}
    for item in bank.items.values():
        if not item.pages:
            counts = topics.setdefault(item.topic or "(no topic)", {"written": 0, "flashcards": 0})
            counts["written" if item.kind == "written" else "flashcards"] += 1
    return {
        "written": len(written),
        "flashcards": len(flashcards),
        "tasks": len(bank.tasks),
        "exams": len(bank.exams),
        "by_type": dict(sorted(by_type.items())),
        "syllabus": syllabus,
        "other_pages": other_pages,
        "beyond_scope": [{"topic": t, **c} for t, c in sorted(topics.items())],
    }


def format_stats(stats: dict[str, Any]) -> str:
    """The human-readable table of ``quizapp bank stats``."""
    lines = [
        f"written items {stats['written']}, flashcards {stats['flashcards']}, "
        f"tasks {stats['tasks']}, exams {stats['exams']}",
    ]
    if stats["by_type"]:
        lines.append("by type: " + ", ".join(f"{k} {v}" for k, v in stats["by_type"].items()))
    rows = [
        (e["title"], format_pages_yaml(e["pages"]), e["written"], e["flashcards"], e["tasks"])
        for e in stats["syllabus"]
    ]
    if rows:
        tw = max(display_width("syllabus entry"), *(display_width(r[0]) for r in rows))
        pw = max(display_width("pages"), *(display_width(r[1]) for r in rows))
        lines.append("")
        lines.append(f"{pad('syllabus entry', tw)}  {pad('pages', pw)}  written  flashcards  tasks")
        other = stats.get("other_pages") or {}
        if any(other.values()):
            rows.append(("other pages", "", other["written"], other["flashcards"], other["tasks"]))
        for title, pages, w, f, t in rows:
            lines.append(f"{pad(title, tw)}  {pad(pages, pw)}  {w:>7}  {f:>10}  {t:>5}")
    if stats["beyond_scope"]:
        lines.append("")
        lines.append("beyond the exam scope (by topic):")
        for row in stats["beyond_scope"]:
            lines.append(
                f"  {row['topic']}: written {row['written']}, flashcards {row['flashcards']}"
            )
    return "\n".join(lines)


def format_pages_yaml(pages: list[int | str]) -> str:
    return ", ".join(str(p) for p in pages)


__all__ = ["bank_stats", "format_pages", "format_stats"]

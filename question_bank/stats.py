"""Counts of a bank, overall and per syllabus entry (``quizapp bank stats``)."""

from __future__ import annotations

from collections.abc import Mapping
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


# The table's words; `quizapp bank stats` passes them in the interface language.
STATS_WORDS = {
    "summary": "written items {written}, flashcards {flashcards}, tasks {tasks}, exams {exams}",
    "by_type": "by type: ",
    "entry": "syllabus entry",
    "pages": "pages",
    "written": "written",
    "flashcards": "flashcards",
    "tasks": "tasks",
    "other": "other pages",
    "beyond": "beyond the exam scope (by topic):",
    "topic": "{topic}: written {written}, flashcards {flashcards}",
}


def format_stats(stats: dict[str, Any], words: Mapping[str, str] = STATS_WORDS) -> str:
    """The human-readable table of ``quizapp bank stats`` (in ``words``' language)."""
    lines = [
        words["summary"].format(
            written=stats["written"],
            flashcards=stats["flashcards"],
            tasks=stats["tasks"],
            exams=stats["exams"],
        ),
    ]
    if stats["by_type"]:
        lines.append(words["by_type"] + ", ".join(f"{k} {v}" for k, v in stats["by_type"].items()))
    rows = [
        (e["title"], format_pages_yaml(e["pages"]), e["written"], e["flashcards"], e["tasks"])
        for e in stats["syllabus"]
    ]
    if rows:
        other = stats.get("other_pages") or {}
        if any(other.values()):
            rows.append((words["other"], "", other["written"], other["flashcards"], other["tasks"]))
        tw = max(display_width(words["entry"]), *(display_width(r[0]) for r in rows))
        pw = max(display_width(words["pages"]), *(display_width(r[1]) for r in rows))
        ww, fw, kw = (display_width(words[k]) for k in ("written", "flashcards", "tasks"))
        lines.append("")
        lines.append(
            f"{pad(words['entry'], tw)}  {pad(words['pages'], pw)}  "
            f"{words['written']}  {words['flashcards']}  {words['tasks']}"
        )
        for title, pages, w, f, t in rows:
            lines.append(f"{pad(title, tw)}  {pad(pages, pw)}  {w:>{ww}}  {f:>{fw}}  {t:>{kw}}")
    if stats["beyond_scope"]:
        lines.append("")
        lines.append(words["beyond"])
        for row in stats["beyond_scope"]:
            lines.append(
                "  "
                + words["topic"].format(
                    topic=row["topic"], written=row["written"], flashcards=row["flashcards"]
                )
            )
    return "\n".join(lines)


def format_pages_yaml(pages: list[int | str]) -> str:
    return ", ".join(str(p) for p in pages)


__all__ = ["STATS_WORDS", "bank_stats", "format_pages", "format_stats"]

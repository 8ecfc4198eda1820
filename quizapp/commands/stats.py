"""``quizapp stats [--json]``: the profile's progress — reviews, what is due, streak,
retention, mastery per syllabus entry and mock-exam attempts."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from question_bank.text import display_width, pad

from ..cli import EXIT_FAIL, EXIT_OK
from ..settings import Settings
from ..store import StoreError, open_store
from ..study import StudyService, progress_stats
from .bank import load_valid


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def format_progress(stats: dict[str, Any]) -> str:
    due = stats["due_by_kind"]
    lines = [
        f"profile {stats['profile']}",
        f"reviews: {stats['reviews_total']} in total, {stats['reviews_today']} today; "
        f"streak {stats['streak_days']} day{'s' if stats['streak_days'] != 1 else ''}; "
        f"retention (30 days) {_percent(stats['retention_30d'])}"
        f" of {stats['retention_30d_reviews']} reviews",
        f"due now: {stats['due_now']} (written {due['written']}, flashcards {due['flashcard']}, "
        f"tasks {due['task']}); new today: {stats['new_today']} of {stats['daily_new_limit']}, "
        f"{stats['new_available']} more available",
        f"items seen: {stats['items_seen']} of {stats['items_total']}; "
        f"mistakes to revisit: {stats['mistakes']}",
    ]
    if stats["exam_date"]:
        days = stats["days_to_exam"]
        when = "today" if days == 0 else (f"in {days} days" if days > 0 else f"{-days} days ago")
        lines.append(f"exam: {stats['exam_date']} ({when})")
    if stats["mastery"]:
        lines.append("mastery (items recalled with ≥ 90% probability):")
        width = max(display_width(m["title"]) for m in stats["mastery"])
        for m in stats["mastery"]:
            lines.append(
                f"  {pad(m['title'], width)}  p. {m['pages']:<14} "
                f"{m['mastered']:>3}/{m['items']:<3} {m['percent']:5.1f}%"
            )
    attempts = stats["exam_attempts"]
    if attempts:
        lines.append("mock exams:")
        for a in attempts:
            if a["finished_at"] is None:
                lines.append(
                    f"  #{a['id']} {a['blueprint']}: unfinished (started {a['started_at']})"
                )
            else:
                verdict = "passed" if a["passed"] else "failed"
                lines.append(
                    f"  #{a['id']} {a['blueprint']}: {a['score_percent']:.1f}% {verdict} "
                    f"({a['finished_at']})"
                )
    return "\n".join(lines)


def run_stats(args: argparse.Namespace, settings: Settings) -> int:
    try:
        with open_store(settings) as store:
            bank = load_valid(settings)
            if bank is None:
                return EXIT_FAIL
            stats = progress_stats(StudyService(store, bank))
    except StoreError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return EXIT_FAIL
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        print(format_progress(stats))
    return EXIT_OK

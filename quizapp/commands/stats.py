"""``quizapp stats [--json]``: the profile's progress — reviews, what is due, streak,
retention, mastery per syllabus entry and mock-exam attempts."""

from __future__ import annotations

import argparse
import json
from functools import partial
from typing import Any

from question_bank.text import display_width, pad

from ..formatting import local_minute, percent
from ..i18n import count_text, translate
from ..settings import Settings
from ..store import open_store
from ..study import StudyService, progress_stats
from .shared import load_valid
from .status import EXIT_FAIL, EXIT_OK


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run_stats)


def format_progress(stats: dict[str, Any], lang: str = "en") -> str:
    t = partial(translate, lang=lang)
    due = stats["due_by_kind"]
    retention = stats["retention_30d"]  # a share, or None
    streak = stats["streak_days"]
    lines = [
        t("cli.stats.profile", name=stats["profile"]),
        t(
            "cli.stats.reviews",
            total=stats["reviews_total"],
            today=stats["reviews_today"],
            streak=count_text("days", streak, lang),
            retention=percent(retention and 100 * retention, fixed=True),
            retention_reviews=stats["retention_30d_reviews"],
        ),
        t(
            "cli.stats.due",
            due=stats["due_now"],
            written=due["written"],
            flashcards=due["flashcard"],
            tasks=due["task"],
            new_today=stats["new_today"],
            limit=stats["daily_new_limit"],
            available=stats["new_available"],
        ),
        t(
            "cli.stats.seen",
            seen=stats["items_seen"],
            total=stats["items_total"],
            mistakes=stats["mistakes"],
        ),
    ]
    if stats["exam_date"]:
        days = stats["days_to_exam"]
        when = (
            t("cli.stats.exam_today")
            if days == 0
            else t("cli.stats.exam_in", days=days)
            if days > 0
            else t("cli.stats.exam_ago", days=-days)
        )
        lines.append(t("cli.stats.exam_date", date=stats["exam_date"], when=when))
    if stats["mastery"]:
        lines.append(t("cli.stats.mastery"))
        width = max(display_width(m["title"]) for m in stats["mastery"])
        page = t("cli.stats.page")
        for m in stats["mastery"]:
            lines.append(
                f"  {pad(m['title'], width)}  {page} {m['pages']:<14} "
                f"{m['mastered']:>3}/{m['items']:<3} {m['percent']:5.1f}%"
            )
    attempts = stats["exam_attempts"]
    if attempts:
        lines.append(t("cli.stats.exams"))
        for a in attempts:
            if a["finished_at"] is None:
                row = t(
                    "cli.stats.unfinished",
                    id=a["id"],
                    blueprint=a["blueprint"],
                    started=local_minute(a["started_at"]),
                )
            else:
                row = t(
                    "cli.stats.finished",
                    id=a["id"],
                    blueprint=a["blueprint"],
                    score=f"{a['score_percent']:.1f}",
                    verdict=t("cli.stats.passed" if a["passed"] else "cli.stats.failed"),
                    finished=local_minute(a["finished_at"]),
                )
            lines.append("  " + row)
    return "\n".join(lines)


def run_stats(args: argparse.Namespace, settings: Settings) -> int:
    with open_store(settings) as store:
        bank = load_valid(settings)
        if bank is None:
            return EXIT_FAIL
        stats = progress_stats(StudyService(store, bank))
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        print(format_progress(stats, settings.lang))
    return EXIT_OK

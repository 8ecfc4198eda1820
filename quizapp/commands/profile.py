"""``quizapp profile``: show or change the study plan of the profile in use (the exam
date, which pulls reviews forward, and the number of new cards per day)."""

from __future__ import annotations

import argparse
import json
from datetime import date

from ..i18n import translate
from ..settings import Settings
from ..store import ProfileInfo, open_store
from .status import EXIT_OK, UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    when = parser.add_mutually_exclusive_group()
    when.add_argument(
        "--exam-date",
        metavar="YYYY-MM-DD",
        help="reviews that would fall after it are pulled forward to its eve",
    )
    when.add_argument("--no-exam-date", action="store_true", help="forget the exam date")
    parser.add_argument(
        "--new-per-day", type=int, metavar="N", help="new cards per day (default 20)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run_profile)


def parse_exam_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--exam-date {text!r} is not a date; write YYYY-MM-DD") from None


def _as_dict(info: ProfileInfo, names: list[str]) -> dict[str, object]:
    return {
        "profile": info.name,
        "exam_date": info.exam_date.isoformat() if info.exam_date else None,
        "daily_new_limit": info.daily_new_limit,
        "profiles": names,
    }


def run_profile(args: argparse.Namespace, settings: Settings) -> int:
    exam_date = parse_exam_date(args.exam_date) if args.exam_date else None
    if args.exam_date and args.no_exam_date:
        raise UsageError.say("cli.one_of_two", first="--exam-date", second="--no-exam-date")
    if args.new_per_day is not None and args.new_per_day < 0:
        raise UsageError.say("cli.at_least_zero", option="--new-per-day")
    with open_store(settings) as store:
        if exam_date is not None:
            store.profiles.set_exam_date(exam_date)
        elif args.no_exam_date:
            store.profiles.set_exam_date(None)
        if args.new_per_day is not None:
            store.profiles.set_daily_new_limit(args.new_per_day)
        info = store.profiles.info()
        names = store.profiles.names()
    shown = _as_dict(info, names)
    if args.json:
        print(json.dumps(shown, ensure_ascii=False, indent=2))
    else:
        lang = settings.lang
        print(translate("profile.name", lang, name=info.name))
        shown_date = shown["exam_date"] or translate("profile.no_exam_date", lang)
        print(translate("profile.exam_date", lang, date=shown_date))
        print(translate("profile.new_per_day", lang, limit=info.daily_new_limit))
        print(translate("profile.profiles", lang, names=", ".join(names)))
    return EXIT_OK

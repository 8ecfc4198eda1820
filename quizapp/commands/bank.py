"""``quizapp bank check`` and ``quizapp bank stats``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from question_bank.flashcard_check import giveaway_warnings
from question_bank.kinds import kind_warnings
from question_bank.scope import scope_warnings
from question_bank.stats import STATS_WORDS, bank_stats, format_stats

from ..i18n import count_text, translate
from ..settings import Settings
from .shared import load, load_valid
from .status import EXIT_FAIL, EXIT_OK


def check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dirs", nargs="*", metavar="DIR", help="more bank folders to check")
    parser.set_defaults(run=run_check)


def stats_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run_bank_stats)


def run_check(args: argparse.Namespace, settings: Settings) -> int:
    started = time.perf_counter()
    bank, problems = load(settings, [Path(d) for d in args.dirs], cached=False)
    elapsed = time.perf_counter() - started
    warnings = [*scope_warnings(bank), *giveaway_warnings(bank), *kind_warnings(bank)]
    lang = settings.lang
    for problem in sorted([*problems, *warnings]):
        print(problem.in_lang(lang))
    if problems:
        files = len({p.path for p in problems})
        message = translate(
            "cli.bank.problems",
            lang,
            problems=count_text("problems", len(problems), lang),
            files=count_text("files", files, lang),
        )
        print(message, file=sys.stderr)
        return EXIT_FAIL
    warned = f", {count_text('warnings', len(warnings), lang)}" if warnings else ""
    print(
        translate(
            "cli.bank.ok",
            lang,
            folders=count_text("folders", len(bank.folders), lang),
            written=len(bank.written),
            flashcards=len(bank.flashcards),
            tasks=len(bank.tasks),
            exams=len(bank.exams),
            syllabus=len(bank.syllabus),
            warnings=warned,
            seconds=f"{elapsed:.2f}",
        )
    )
    return EXIT_OK


def run_bank_stats(args: argparse.Namespace, settings: Settings) -> int:
    bank = load_valid(settings)
    if bank is None:
        return EXIT_FAIL
    stats = bank_stats(bank)
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        words = {k: translate(f"cli.bank_stats.{k}", settings.lang) for k in STATS_WORDS}
        print(format_stats(stats, words))
    return EXIT_OK

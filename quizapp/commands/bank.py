"""``quizapp bank check`` and ``quizapp bank stats``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from question_bank import Bank, Problem, load_banks
from question_bank.cache import load_banks_cached
from question_bank.flashcard_check import giveaway_warnings
from question_bank.kinds import kind_warnings
from question_bank.scope import scope_warnings
from question_bank.stats import STATS_WORDS, bank_stats, format_stats

from ..cli import EXIT_FAIL, EXIT_OK, UsageError
from ..i18n import count_text, translate
from ..settings import Settings


def existing_folders(folders: list[Path], lang: str = "en") -> list[Path]:
    """The given bank folders, or a usage error naming the first one that is missing."""
    for folder in folders:
        if not folder.exists():
            raise UsageError(translate("cli.bank.folder_missing", lang, folder=folder))
        if not folder.is_dir():
            raise UsageError(translate("cli.bank.not_folder", lang, folder=folder))
    return folders


def load(
    settings: Settings, extra: Sequence[Path] = (), *, cached: bool = True
) -> tuple[Bank, list[Problem]]:
    """The bundled bank plus the settings' and ``extra`` folders.

    ``cached`` serves an unchanged, valid bank from the data folder's cache;
    `bank check` reads the files every time.
    """
    folders = existing_folders([*settings.banks, *extra], settings.lang)
    if not cached:
        return load_banks(folders)
    return load_banks_cached(folders, settings.data_dir / "cache")


def load_valid(settings: Settings) -> Bank | None:
    """The bank for a command that needs a valid one; None after printing its problems."""
    bank, problems = load(settings)
    if not problems:
        return bank
    for problem in problems:
        print(problem.in_lang(settings.lang), file=sys.stderr)
    print(translate("cli.bank.has_problems", settings.lang), file=sys.stderr)
    return None


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


def run_stats(args: argparse.Namespace, settings: Settings) -> int:
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

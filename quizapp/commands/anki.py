"""``quizapp export anki FILE.apkg`` and ``quizapp import anki FILE --out BANK/items/NAME.yaml``."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from question_bank.said import in_lang

from ..i18n import count_text, translate
from ..settings import Settings
from .filters import ITEM_TYPES, card_filter, selection_options
from .shared import load_valid
from .status import EXIT_FAIL, EXIT_OK, UsageError

_TEXT_SUFFIXES = (".txt", ".tsv", ".csv")
_PACKAGE_SUFFIXES = (".apkg", ".colpkg")


def export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.apkg", help="the package to write")
    selection_options(parser, "--types", "--type")
    parser.set_defaults(run=run_export)


def import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", help="Anki's 'Notes in Plain Text' .txt or an .apkg"
    )
    parser.add_argument(
        "--out", required=True, metavar="BANK_DIR/items/NAME.yaml", help="the items file to write"
    )
    parser.add_argument("--force", action="store_true", help="replace --out if it exists")
    parser.add_argument(
        "--update",
        action="store_true",
        help="for notes of items already in the bank that were edited in Anki, write "
        "what changed as a diff beside --out (NAME.changes.diff) to review",
    )
    parser.set_defaults(run=run_import)


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    from quizapp.anki.export import build_decks, write_package
    from quizapp.anki.mod_times import STATE_FILE, ModTimes
    from quizapp.study import Catalogue

    path = Path(args.file)
    if path.suffix != ".apkg":
        raise UsageError.say("cli.anki.not_apkg", path=path)
    if not path.parent.is_dir():
        raise UsageError.say("cli.anki.no_folder", path=path, folder=path.parent)
    chosen = card_filter(args.pages, args.topic, args.type, ITEM_TYPES, option="--types")
    if chosen.types is None:
        chosen = dataclasses.replace(chosen, types=frozenset({"written", "flashcard"}))
    bank = load_valid(settings)
    if bank is None:
        return EXIT_FAIL
    ids = dict.fromkeys(card.item_id for card in Catalogue(bank).select(chosen))
    items = [bank.items[i] for i in ids]
    if not items:
        print(translate("cli.anki.nothing_chosen", settings.lang), file=sys.stderr)
        return EXIT_FAIL
    stamps = ModTimes(settings.data_dir / STATE_FILE)
    decks = build_decks(bank, items, settings.lang, stamps)
    try:
        write_package(decks, path)
    except OSError as exc:
        raise UsageError.say("cli.anki.unwritable", path=path, error=exc.strerror or exc) from None
    try:
        stamps.save()
    except OSError as exc:  # the package is written; the next export counts all as changed
        message = translate(
            "cli.anki.unwritable", settings.lang, path=stamps.path, error=exc.strerror or exc
        )
        print(message, file=sys.stderr)
    filled = sum(1 for d in decks if d.notes)
    print(
        translate(
            "cli.anki.exported",
            settings.lang,
            notes=len(items),
            decks=count_text("decks", filled, settings.lang),
            path=path,
            changed=stamps.changed,
            unchanged=stamps.unchanged,
        )
    )
    return EXIT_OK


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    from quizapp.anki.notes import ImportFailure, convert
    from quizapp.anki.read_apkg import read_apkg
    from quizapp.anki.read_text import read_text
    from quizapp.anki.round_trip import changed_notes, known_items, write_diff
    from quizapp.anki.write_items import write_items

    source, out = Path(args.file), Path(args.out)
    if out.suffix not in (".yaml", ".yml"):
        raise UsageError.say("cli.anki.not_yaml", out=out)
    if out.exists() and not args.force:
        raise UsageError.say("cli.anki.exists", out=out)
    if not source.is_file():
        raise UsageError.say("cli.anki.no_file", path=source)
    suffix = source.suffix.casefold()
    if suffix not in (*_TEXT_SUFFIXES, *_PACKAGE_SUFFIXES):
        raise UsageError.say("cli.anki.wrong_kind", path=source)
    try:
        notes, skipped = (read_apkg if suffix in _PACKAGE_SUFFIXES else read_text)(source)
    except ImportFailure as exc:
        raise UsageError(str(exc)) from None
    bank = load_valid(settings)
    if bank is None:
        return EXIT_FAIL
    done = convert(notes, known_items(bank, replacing=out))
    problems = sorted([*skipped, *done.skipped, *done.warnings], key=lambda s: s.line)
    for problem in problems:
        print(f"{source}:{problem.line}: {in_lang(problem.reason, settings.lang)}", file=sys.stderr)
    changed = changed_notes(bank, done.existing, settings.lang)
    diff = out.with_suffix(".changes.diff")
    if args.update and changed:
        try:
            write_diff(diff, bank, changed, source)
        except OSError as exc:
            raise UsageError.say(
                "cli.anki.unwritable", path=diff, error=exc.strerror or exc
            ) from None
    summary = _already_there(
        len(done.existing), len(changed), diff if args.update else None, settings.lang
    )
    if not done.items:
        if done.existing:
            print(translate("cli.anki.no_new", settings.lang, path=source, summary=summary))
            return EXIT_OK
        print(translate("cli.anki.none_imported", settings.lang, path=source), file=sys.stderr)
        return EXIT_FAIL
    try:
        write_items(out, done.items, source.name)
    except OSError as exc:
        raise UsageError.say(
            "cli.anki.out_unwritable", out=out, error=exc.strerror or exc
        ) from None
    cards = sum(1 for i in done.items if i["type"] == "flashcard")
    parts = [
        translate(
            "cli.anki.imported",
            settings.lang,
            items=len(done.items),
            cards=cards,
            cloze=len(done.items) - cards,
            out=out,
        ),
        *([summary] if done.existing else []),
        count_text("warnings", len(problems), settings.lang),
    ]
    print("; ".join(parts))
    return EXIT_OK


def _already_there(existing: int, changed: int, diff: Path | None, lang: str) -> str:
    """How many notes were skipped as items the banks already hold, and what to do
    about the ones edited in Anki."""
    text = translate("cli.anki.skipped", lang, notes=count_text("notes", existing, lang))
    if not changed:
        return text
    if diff is not None:
        return translate("cli.anki.changed_review", lang, text=text, changed=changed, diff=diff)
    return translate("cli.anki.changed_hint", lang, text=text, changed=changed)

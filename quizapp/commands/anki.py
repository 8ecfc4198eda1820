"""``quizapp export anki FILE.apkg`` and ``quizapp import anki FILE --out BANK/items/NAME.yaml``."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from ..cli import EXIT_FAIL, EXIT_OK, UsageError
from ..settings import Settings
from .bank import load_valid
from .filters import ITEM_TYPES, card_filter

_TEXT_SUFFIXES = (".txt", ".tsv", ".csv")
_PACKAGE_SUFFIXES = (".apkg", ".colpkg")


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    from quizapp.anki.export import build_decks, write_package
    from quizapp.anki.mod_times import STATE_FILE, ModTimes
    from quizapp.study import Catalogue

    path = Path(args.file)
    if path.suffix != ".apkg":
        raise UsageError(f"{path}: an Anki package ends in .apkg")
    if not path.parent.is_dir():
        raise UsageError(f"{path}: folder {path.parent} does not exist")
    chosen = card_filter(args.pages, args.topic, args.type, ITEM_TYPES, option="--types")
    if chosen.types is None:
        chosen = dataclasses.replace(chosen, types=frozenset({"written", "flashcard"}))
    bank = load_valid(settings)
    if bank is None:
        return EXIT_FAIL
    ids = dict.fromkeys(card.item_id for card in Catalogue(bank).select(chosen))
    items = [bank.items[i] for i in ids]
    if not items:
        print("no item matches the given --pages, --topic and --types", file=sys.stderr)
        return EXIT_FAIL
    stamps = ModTimes(settings.data_dir / STATE_FILE)
    decks = build_decks(bank, items, settings.lang, stamps)
    try:
        write_package(decks, path)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        stamps.save()
    except OSError as exc:  # the package is written; the next export counts all as changed
        print(f"{stamps.path}: cannot write: {exc.strerror or exc}", file=sys.stderr)
    filled = sum(1 for d in decks if d.notes)
    print(
        f"wrote {len(items)} notes in {filled} deck{'' if filled == 1 else 's'} to {path} "
        f"({stamps.changed} new or changed, {stamps.unchanged} unchanged since the last export)"
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
        raise UsageError(f"--out {out}: an items file ends in .yaml (BANK_DIR/items/NAME.yaml)")
    if out.exists() and not args.force:
        raise UsageError(f"--out {out}: the file exists; pass --force to replace it")
    if not source.is_file():
        raise UsageError(f"{source}: no such file")
    suffix = source.suffix.casefold()
    if suffix not in (*_TEXT_SUFFIXES, *_PACKAGE_SUFFIXES):
        raise UsageError(f"{source}: expected Anki's plain-text export (.txt) or a package (.apkg)")
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
        print(f"{source}:{problem.line}: {problem.reason}", file=sys.stderr)
    changed = changed_notes(bank, done.existing, settings.lang)
    diff = out.with_suffix(".changes.diff")
    if args.update and changed:
        try:
            write_diff(diff, bank, changed, source)
        except OSError as exc:
            raise UsageError(f"{diff}: cannot write: {exc.strerror or exc}") from None
    summary = _already_there(len(done.existing), len(changed), diff if args.update else None)
    if not done.items:
        if done.existing:
            print(f"{source}: no new note; {summary}")
            return EXIT_OK
        print(f"{source}: no note could be imported; nothing written", file=sys.stderr)
        return EXIT_FAIL
    try:
        write_items(out, done.items, source.name)
    except OSError as exc:
        raise UsageError(f"--out {out}: cannot write: {exc.strerror or exc}") from None
    cards = sum(1 for i in done.items if i["type"] == "flashcard")
    parts = [
        f"wrote {len(done.items)} items ({cards} flashcards, {len(done.items) - cards} cloze) "
        f"to {out}",
        *([summary] if done.existing else []),
        f"{len(problems)} warning{'' if len(problems) == 1 else 's'}",
    ]
    print("; ".join(parts))
    return EXIT_OK


def _already_there(existing: int, changed: int, diff: Path | None) -> str:
    """How many notes were skipped as items the banks already hold, and what to do
    about the ones edited in Anki."""
    text = f"skipped {existing} note{'' if existing == 1 else 's'} already in the bank"
    if not changed:
        return text
    if diff is not None:
        return f"{text} ({changed} changed in Anki: review {diff})"
    return f"{text} ({changed} changed in Anki: pass --update to see the changes)"

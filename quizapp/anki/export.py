"""The bank as an Anki package: one deck per syllabus entry, stable note GUIDs.

Every id Anki keys on is derived, never random: note GUIDs from the item ids (or
the GUID an item imported from Anki came with), deck ids from the deck names,
note types from fixed numbers. Importing a second export into Anki therefore
updates the notes of the first instead of adding copies, and a note whose content
did not change keeps its modification time (:mod:`.mod_times`), so Anki leaves it,
and any edit made to it in Anki, alone. Deck names are numbered in syllabus order
and never translated. Review history stays in quizapp: Anki schedules its own copy.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import os
import re
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import genanki

from question_bank import Bank, Cloze, Flashcard, Item, SyllabusEntry, overlaps
from question_bank.cloze import first_alternatives, parse_cloze

from ..i18n import translate
from ..render import answer_markdown, notes_markdown, question_markdown
from .mod_times import ModTimes
from .notes import ID_FIELD
from .to_html import to_html

PARENT_DECK = "AI Essential"
GUID_NAMESPACE = "quizapp-ai-essential"

_CSS = """\
.card { font-family: sans-serif; font-size: 20px; text-align: left; color: black; background: white; }
.nightMode .card, .night_mode .card { color: white; background: #2f2f31; }
pre, code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "D2Coding", monospace; }
pre { white-space: pre-wrap; padding: .6em; border-radius: 4px; background: rgba(127, 127, 127, .15); }
.extra { margin-top: 1em; font-size: 85%; }
.cloze { font-weight: bold; color: #1a5fb4; }
.nightMode .cloze, .night_mode .cloze { color: #99c1f1; }
"""
_ANSWER = '{{FrontSide}}<hr id="answer">{{Back}}<div class="extra">{{Extra}}</div>'
# The item's id rides along in a field no template shows (ID_FIELD): a note copied in
# Anki (new GUID) is still known as that item when it comes back through `import anki`.
_FIELDS = [{"name": "Front"}, {"name": "Back"}, {"name": "Extra"}, {"name": ID_FIELD}]

BASIC = genanki.Model(
    1716171601,
    "AI Essential Basic",
    fields=_FIELDS,
    templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": _ANSWER}],
    css=_CSS,
)
BASIC_REVERSED = genanki.Model(
    1716171602,
    "AI Essential Basic (and reversed card)",
    fields=_FIELDS,
    templates=[
        {"name": "Card 1", "qfmt": "{{Front}}", "afmt": _ANSWER},
        {
            "name": "Card 2",
            "qfmt": "{{Back}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Front}}<div class="extra">{{Extra}}</div>',
        },
    ],
    css=_CSS,
)
CLOZE = genanki.Model(
    1716171603,
    "AI Essential Cloze",
    fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": ID_FIELD}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": '{{cloze:Text}}<div class="extra">{{Back Extra}}</div>',
        }
    ],
    css=_CSS,
    model_type=genanki.Model.CLOZE,
)

_SPACE = re.compile(r"\s+")


def tag(text: str) -> str:
    """An Anki tag (no spaces in tags: they separate them)."""
    return _SPACE.sub("_", text.strip())


def deck_id(name: str) -> int:
    """A deck id derived from the deck's name, in the range genanki recommends."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return (1 << 30) | (int.from_bytes(digest[:4], "big") & ((1 << 30) - 1))


def note_guid(item_id: str) -> str:
    return str(genanki.guid_for(GUID_NAMESPACE, item_id))


def page_tags(item: Item) -> list[str]:
    """One ``pNN`` tag per page, ranges expanded."""
    return [f"p{page}" for r in item.pages or [] for page in range(r.start, r.end + 1)]


def item_tags(item: Item, entries: Iterable[SyllabusEntry]) -> list[str]:
    """The syllabus entries the item touches, its topic, its own tags and its pages."""
    found = [tag(e.title) for e in entries]
    found += [tag(t) for t in [item.topic or "", *item.tags] if t.strip()]
    found += page_tags(item)
    return list(dict.fromkeys(found))


# Deck names are the same whatever --lang or the locale: the syllabus titles as the
# bank writes them, each after a two-digit number in syllabus order (Anki sorts decks
# by name), and a fixed last deck for what the exam does not cover.
BEYOND_SCOPE = "99 시험 범위 밖"


def syllabus_deck(number: int, entry: SyllabusEntry) -> str:
    return f"{PARENT_DECK}::{number:02d} {entry.title}"


class DeckPlan:
    """Which deck each item goes to: its first syllabus entry, else "beyond the scope"."""

    def __init__(self, syllabus: list[SyllabusEntry]) -> None:
        self.syllabus = syllabus
        self.beyond = f"{PARENT_DECK}::{BEYOND_SCOPE}"
        self.decks: dict[str, genanki.Deck] = {}
        self.names = {id(e): syllabus_deck(n, e) for n, e in enumerate(syllabus, start=1)}
        self._deck(PARENT_DECK)
        for entry in syllabus:
            self._deck(self.names[id(entry)], entry)

    def _deck(self, name: str, entry: SyllabusEntry | None = None) -> genanki.Deck:
        if name not in self.decks:
            about = ""
            if entry is not None:
                about = ", ".join(str(p) for p in entry.pages)
                about += f" · {entry.notes}" if entry.notes else ""
            self.decks[name] = genanki.Deck(deck_id(name), name, description=about)
        deck: genanki.Deck = self.decks[name]
        return deck

    def entries(self, item: Item) -> list[SyllabusEntry]:
        return [e for e in self.syllabus if item.pages and overlaps(item.pages, e.pages)]

    def deck_for(self, item: Item) -> genanki.Deck:
        entries = self.entries(item)
        if entries:
            return self._deck(self.names[id(entries[0])])
        return self._deck(f"{self.beyond}::{item.topic}" if item.topic else self.beyond)

    def used(self) -> list[genanki.Deck]:
        """The decks that hold notes, with the parent deck first."""
        return [d for d in self.decks.values() if d.notes or d.name == PARENT_DECK]


class ExportNote(genanki.Note):  # type: ignore[misc]
    """A note whose modification time is its own: Anki updates a note on import only
    when the file's copy is newer, so an unchanged note keeps the time it was first
    exported and an edit made in Anki since then is not overwritten."""

    mod: int | None = None

    def write_to_db(self, cursor: Any, timestamp: float, deck_id: int, id_gen: Any) -> None:
        stamp = float(self.mod) if self.mod is not None else timestamp
        super().write_to_db(cursor, stamp, deck_id, id_gen)

    def content_hash(self) -> str:
        """What Anki would see change: note type, fields and tags."""
        parts = [str(self.model.model_id), *self.fields, " ".join(self.tags)]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def item_guid(item: Item) -> str:
    """The GUID of the item's note: the one it came from Anki with, else one derived
    from its id (the same on every export and every machine)."""
    return item.anki_guid or note_guid(item.id)


def make_note(item: Item, tags: list[str], lang: str) -> ExportNote:
    notes = notes_markdown(item, lang)
    if isinstance(item, Cloze):
        others = [a for blank in parse_cloze(item.text) for a in blank.answers[1:]]
        if others:  # Anki shows one answer per blank: the rest are named on the back
            notes.insert(0, f"{translate('anki.also_accepted', lang)}: {', '.join(others)}")
        fields = [to_html(first_alternatives(item.text)), to_html("\n\n".join(notes))]
        model = CLOZE
    elif isinstance(item, Flashcard):
        fields = [to_html(item.front), to_html(item.back), to_html("\n\n".join(notes))]
        model = BASIC_REVERSED if item.reverse else BASIC
    else:
        fields = [
            to_html(question_markdown(item, lang)),
            to_html(answer_markdown(item, lang)),
            to_html("\n\n".join(notes)),
        ]
        model = BASIC
    fields.append(html.escape(item.id))
    return ExportNote(model=model, fields=fields, tags=tags, guid=item_guid(item))


def build_decks(
    bank: Bank, items: Iterable[Item], lang: str, stamps: ModTimes | None = None
) -> list[genanki.Deck]:
    """The decks holding one note per item. With ``stamps``, each note gets the
    modification time of the last export that wrote it unchanged."""
    plan = DeckPlan(bank.syllabus)
    for item in items:
        note = make_note(item, item_tags(item, plan.entries(item)), lang)
        if stamps is not None:
            note.mod = stamps.stamp(note.guid, note.content_hash())
        plan.deck_for(item).add_note(note)
    return plan.used()


def write_package(decks: list[genanki.Deck], path: Path) -> None:
    """Write the ``.apkg`` atomically (genanki's own ``write_to_file`` leaves its
    temporary collection behind in the system temp folder)."""
    package = genanki.Package(decks)
    with tempfile.TemporaryDirectory(prefix="quizapp-anki-") as tmp:
        collection = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(collection)
        try:
            now = time.time()
            package.write_to_db(conn.cursor(), now, itertools.count(int(now * 1000)))
            conn.commit()
        finally:
            conn.close()
        partial = path.with_name(f".{path.name}.partial")
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(collection, "collection.anki2")
                archive.writestr("media", "{}")
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)

"""Anki notes → bank items: Basic notes become flashcards, Cloze notes cloze items.

Both readers (plain text and ``.apkg``) produce :class:`AnkiNote`; this module
decides what each one is, turns its HTML into Markdown and checks the item
against the bank's own models, so that what is written passes ``bank check``.
A note that cannot become an item is a :class:`Skipped` with the reason.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from question_bank import ITEM_TYPES
from question_bank.messages import describe
from question_bank.said import said

from ..i18n import both_languages
from .media import note_warnings
from .to_markdown import NestedCloze, to_markdown

NoteKind = Literal["basic", "reversed", "optional-reversed", "cloze"]
_PAGE_TAG = re.compile(r"^p(\d+)$", re.IGNORECASE)
_CLOZE = re.compile(r"\{\{c\d+::")
_DEFAULT_DECKS = {"default", "기본"}


class ImportFailure(Exception):
    """The file cannot be read at all: one line for the user, exit 2."""


@dataclass(frozen=True)
class AnkiNote:
    """One note as a reader found it. ``line`` is the line in a ``.txt`` export or
    the note's position (from 1) in an ``.apkg``."""

    line: int
    guid: str
    notetype: str
    fields: tuple[str, ...]
    field_names: tuple[str, ...] = ()  # empty when the export does not name them
    tags: tuple[str, ...] = ()
    deck: str | None = None
    html: bool = True
    is_cloze: bool | None = None  # known in an .apkg; judged from the name in a .txt
    templates: int | None = None
    guid_known: bool = True  # False when a .txt export has no GUID column (one is made up)


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str


@dataclass(frozen=True)
class Existing:
    """A note of an item the loaded banks already hold."""

    note: AnkiNote
    item_id: str


@dataclass(frozen=True)
class Known:
    """What the loaded banks hold, as Anki knows it: note GUID → item id, and the ids."""

    guids: dict[str, str] = field(default_factory=dict)
    ids: frozenset[str] = frozenset()

    def find(self, note: AnkiNote) -> str | None:
        """The item a note is a copy of: by GUID, else by the id field of the export."""
        if note.guid in self.guids:
            return self.guids[note.guid]
        named = quizapp_id(note)
        return named if named in self.ids else None


@dataclass
class Conversion:
    items: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    existing: list[Existing] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)  # imported, but something is lost


def _named(name: str, words: tuple[str, ...]) -> bool:
    return any(w in name for w in words)


def note_kind(note: AnkiNote) -> NoteKind | None:
    """Basic, Basic (and reversed card), Basic (optional reversed card) or Cloze; None
    for any other note type. Anki's English and Korean stock names are known."""
    name = note.notetype.casefold()
    names = {n.casefold() for n in note.field_names}
    if note.is_cloze or (note.is_cloze is None and _named(name, ("cloze", "빈칸"))):
        return "cloze"
    if not name and note.fields and _CLOZE.search(note.fields[0]):  # no notetype column
        return "cloze"
    front_back = {"front", "back"} <= names or {"앞면", "뒷면"} <= names
    if not (_named(name, ("basic", "기본")) or front_back or (not name and len(note.fields) >= 2)):
        return None
    if _named(name, ("optional", "선택")) or "add reverse" in names:
        return "optional-reversed"
    if _named(name, ("reverse", "역방향")) or (note.templates or 0) >= 2:
        return "reversed"
    return "basic"


def _field(note: AnkiNote, names: tuple[str, ...], position: int, *, main: bool = False) -> str:
    """A field by name, else by position: always for the note's main fields (their
    names may be translated, 앞면/뒷면), only in an export without field names otherwise."""
    lowered = [n.casefold() for n in note.field_names]
    for name in names:
        if name in lowered:
            return note.fields[lowered.index(name)]
    if (note.field_names and not main) or position >= len(note.fields):
        return ""
    return note.fields[position]


ID_FIELD = "quizapp id"  # the field `quizapp export anki` writes the item id into


def quizapp_id(note: AnkiNote) -> str | None:
    """The item id a note exported by quizapp carries (its last field)."""
    names = [n.casefold() for n in note.field_names]
    if ID_FIELD in names:
        at = names.index(ID_FIELD)
    elif not names and note.notetype.startswith("AI Essential"):
        at = len(note.fields) - 1
    else:
        return None
    value = note.fields[at] if 0 <= at < len(note.fields) else ""
    return value.strip() or None


def _markdown(note: AnkiNote, text: str) -> str:
    return to_markdown(text) if note.html else text.strip()


def item_id(guid: str) -> str:
    """A bank id from the note GUID: the same note always gets the same id."""
    return "anki-" + hashlib.sha1(guid.encode("utf-8")).hexdigest()[:12]


def pages_from_tags(tags: tuple[str, ...]) -> list[int | str]:
    """``p50 p71 p72 p73`` → ``[50, "71-73"]``."""
    numbers = sorted(
        {int(m.group(1)) for t in tags if (m := _PAGE_TAG.match(t)) and int(m.group(1))}
    )
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return [a if a == b else f"{a}-{b}" for a, b in runs]


def _topic(deck: str | None) -> str | None:
    leaf = (deck or "").split("::")[-1].strip()
    return leaf if leaf and leaf.casefold() not in _DEFAULT_DECKS else None


def _fields(note: AnkiNote, kind: NoteKind) -> dict[str, Any] | str:
    """The item's own fields, or why the note cannot be one."""
    if kind == "cloze":
        text = _markdown(note, _field(note, ("text",), 0, main=True))
        if not text:
            return both_languages("anki.skip.empty_field", field="Text")
        fields: dict[str, Any] = {"type": "cloze", "text": text}
        extra = _markdown(note, _field(note, ("back extra", "extra"), 1))
    else:
        front = _markdown(note, _field(note, ("front",), 0, main=True))
        back = _markdown(note, _field(note, ("back",), 1, main=True))
        if not front or not back:
            return both_languages("anki.skip.empty_field", field="Front" if not front else "Back")
        fields = {"type": "flashcard", "front": front, "back": back}
        reverse = kind == "reversed"
        if kind == "optional-reversed":
            reverse = bool(_markdown(note, _field(note, ("add reverse",), 2)))
        if reverse:
            fields["reverse"] = True
        extra = "" if kind == "optional-reversed" else _markdown(note, _field(note, ("extra",), 2))
    if extra:
        fields["explanation"] = extra
    return fields


def to_item(note: AnkiNote) -> dict[str, Any] | str:
    """The bank item for one note (checked against the bank's models), or why not."""
    kind = note_kind(note)
    if kind is None:
        return both_languages("anki.skip.unknown_type", name=repr(note.notetype))
    try:
        fields = _fields(note, kind)
    except NestedCloze as exc:
        return exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    if isinstance(fields, str):
        return fields
    item: dict[str, Any] = {"id": item_id(note.guid), **fields}
    topic = _topic(note.deck)
    if topic:
        item["topic"] = topic
    pages = pages_from_tags(note.tags)
    if pages:
        item["pages"] = pages
    tags = [t for t in note.tags if not _PAGE_TAG.match(t)]
    if tags:
        item["tags"] = tags
    if note.guid_known:  # a later export updates this very note in Anki
        item["anki_guid"] = note.guid
    model = ITEM_TYPES[item["type"]]
    try:
        checked = model.model_validate(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        text = f"{where}: {first['msg']}" if where else str(first["msg"])
        return said(text, describe(first, model, "노트").ko)  # the bank's own Korean wording
    problems = checked.problems()
    return problems[0][1] if problems else item


def convert(notes: list[AnkiNote], known: Known | None = None) -> Conversion:
    """Every note that can become an item, in order; the others with their reasons.
    Notes of items the banks already hold (``known``) are set apart, not converted."""
    done = Conversion()
    first_line: dict[str, int] = {}
    for note in notes:
        existing = known.find(note) if known is not None else None
        if existing is not None:
            done.existing.append(Existing(note, existing))
            continue
        result = to_item(note)
        if isinstance(result, str):
            done.skipped.append(Skipped(note.line, result))
        elif result["id"] in first_line:
            done.skipped.append(
                Skipped(
                    note.line,
                    both_languages("anki.skip.same_guid", line=first_line[result["id"]]),
                )
            )
        else:
            first_line[result["id"]] = note.line
            done.items.append(result)
            if note.html:
                done.warnings += [Skipped(note.line, w) for w in note_warnings(note.fields)]
    return done

"""An ``.apkg`` package: a zip holding ``collection.anki21`` or ``collection.anki2``, an
SQLite collection whose ``col`` row holds the note types and decks as JSON.

Anki 2.1.50 and later write ``collection.anki21b`` (compressed, a newer schema)
unless "Support older Anki versions" is ticked when exporting; such a package
is refused with that advice.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from .notes import AnkiNote, ImportFailure, Skipped

_NEWER = (
    "this package is in Anki's newer format (collection.anki21b); export it again "
    "with 'Support older Anki versions' ticked"
)


def _collection_name(archive: zipfile.ZipFile, path: Path) -> str:
    names = set(archive.namelist())
    if "collection.anki21" in names:
        return "collection.anki21"
    if "collection.anki21b" in names:
        raise ImportFailure(f"{path}: {_NEWER}")
    if "collection.anki2" in names:
        return "collection.anki2"
    raise ImportFailure(f"{path}: not an Anki package (no collection.anki2 in the zip)")


def _read_collection(db: Path, path: Path) -> tuple[dict[str, Any], dict[str, Any], list[Any]]:
    """Note types, decks, and the notes with the deck of their first card."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ImportFailure(f"{path}: cannot open the collection: {exc}") from None
    try:
        row = conn.execute("SELECT models, decks FROM col").fetchone()
        if row is None or not row[0]:
            raise ImportFailure(f"{path}: {_NEWER}")
        models, decks = json.loads(row[0]), json.loads(row[1])
        notes = conn.execute(
            "SELECT n.guid, n.mid, n.tags, n.flds,"
            " (SELECT c.did FROM cards c WHERE c.nid = n.id ORDER BY c.ord LIMIT 1)"
            " FROM notes n ORDER BY n.id"
        ).fetchall()
    except (sqlite3.Error, ValueError, TypeError) as exc:
        raise ImportFailure(f"{path}: not an Anki collection ({exc})") from None
    finally:
        conn.close()
    if not isinstance(models, dict) or not isinstance(decks, dict):
        raise ImportFailure(f"{path}: not an Anki collection (note types are not a mapping)")
    return models, decks, notes


def read_apkg(path: Path) -> tuple[list[AnkiNote], list[Skipped]]:
    """The notes of a package; a note whose type is missing is a warning."""
    try:
        with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
            name = _collection_name(archive, path)
            archive.extract(name, tmp)
            models, decks, rows = _read_collection(Path(tmp) / name, path)
    except zipfile.BadZipFile:
        raise ImportFailure(f"{path}: not an Anki package (not a zip file)") from None
    except OSError as exc:
        raise ImportFailure(f"{path}: cannot read: {exc.strerror or exc}") from None
    notes: list[AnkiNote] = []
    warnings: list[Skipped] = []
    for index, (guid, mid, tags, flds, did) in enumerate(rows, start=1):
        model = models.get(str(mid))
        if not isinstance(model, dict):
            warnings.append(Skipped(index, f"note type {mid} is not in the collection"))
            continue
        field_names = tuple(str(f.get("name", "")) for f in _dicts(model.get("flds")))
        deck_row = decks.get(str(did))
        deck = str(deck_row.get("name")) if isinstance(deck_row, dict) else None
        notes.append(
            AnkiNote(
                line=index,
                guid=str(guid),
                notetype=str(model.get("name", "")),
                fields=tuple(str(flds).split("\x1f")),
                field_names=field_names,
                tags=tuple(str(tags).split()),
                deck=deck,
                is_cloze=model.get("type") == 1,
                templates=len(_dicts(model.get("tmpls"))),
            )
        )
    return notes, warnings


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []

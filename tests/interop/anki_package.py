"""Reading an .apkg back the way Anki does: a zip with an SQLite collection inside."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class PackagedNote:
    guid: str
    model: dict[str, Any]
    tags: list[str]
    fields: list[str]
    deck: str
    cards: int
    mod: int


@dataclass(frozen=True)
class Package:
    notes: list[PackagedNote]
    decks: dict[str, int]  # name → id
    models: dict[int, dict[str, Any]]

    def by_guid(self) -> dict[str, PackagedNote]:
        return {n.guid: n for n in self.notes}


def read_package(path: Path, tmp: Path) -> Package:
    with zipfile.ZipFile(path) as archive:
        assert "collection.anki2" in archive.namelist()
        archive.extract("collection.anki2", tmp)
    conn = sqlite3.connect(tmp / "collection.anki2")
    try:
        models_json, decks_json = conn.execute("SELECT models, decks FROM col").fetchone()
        models = {int(k): v for k, v in json.loads(models_json).items()}
        decks = {v["name"]: int(k) for k, v in json.loads(decks_json).items()}
        names = {v: k for k, v in decks.items()}
        rows = conn.execute(
            "SELECT n.guid, n.mid, n.tags, n.flds, min(c.did), count(c.id), n.mod"
            " FROM notes n JOIN cards c ON c.nid = n.id GROUP BY n.id ORDER BY n.id"
        ).fetchall()
    finally:
        conn.close()
    notes = [
        PackagedNote(guid, models[mid], tags.split(), flds.split("\x1f"), names[did], cards, mod)
        for guid, mid, tags, flds, did, cards, mod in rows
    ]
    return Package(notes, decks, models)

"""An ``.apkg`` package: a zip holding an SQLite collection.

Anki 2.1.50 and later write ``collection.anki21b`` by default: the collection
compressed with zstd, in the newer schema where note types, their fields and
templates, and decks have tables of their own (a note type's kind sits in a
protobuf blob). Such packages also hold a ``collection.anki2`` that only asks
the reader to update Anki. With "Support older Anki versions" ticked, Anki
writes ``collection.anki21`` (or ``collection.anki2``): plain SQLite whose
``col`` row holds the note types and decks as JSON. Both are read here.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from ..i18n import both_languages
from .notes import AnkiNote, ImportFailure, Skipped

_COMPRESSED = "collection.anki21b"
_LATEST = 3  # the package version of collection.anki21b
_PLAIN = ("collection.anki21", "collection.anki2")
_UNKNOWN = (
    "the collection is in a format this version of quizapp does not know; "
    "export it again from Anki with 'Support older Anki versions' ticked"
)


def _collection_name(archive: zipfile.ZipFile, path: Path) -> str:
    """The collection to read: the compressed one when there is one (the plain
    ``collection.anki2`` beside it is a placeholder), else the plain one."""
    names = set(archive.namelist())
    if "meta" in names:  # PackageMetadata: field 1 is the version (1, 2 legacy; 3 latest)
        version = _field_1(archive.read("meta"))
        if version > _LATEST:
            raise ImportFailure(
                f"{path}: made by a newer Anki (package version {version}) than quizapp "
                "reads; export it again with 'Support older Anki versions' ticked"
            )
    for name in (_COMPRESSED, *_PLAIN):
        if name in names:
            return name
    raise ImportFailure(f"{path}: not an Anki package (no collection.anki2 in the zip)")


def _extract(archive: zipfile.ZipFile, name: str, folder: Path, path: Path) -> Path:
    """The collection as an SQLite file in ``folder``, decompressed if need be."""
    if name != _COMPRESSED:
        archive.extract(name, folder)
        return folder / name
    import zstandard

    target = folder / "collection.sqlite"
    unpack = zstandard.ZstdDecompressor().decompressobj()
    with archive.open(name) as packed, target.open("wb") as out:
        try:
            while chunk := packed.read(1 << 20):
                out.write(unpack.decompress(chunk))
        except zstandard.ZstdError as exc:
            raise ImportFailure(f"{path}: not an Anki package ({name}: {exc})") from None
    if not unpack.eof:
        raise ImportFailure(f"{path}: not an Anki package ({name} is cut short)")
    return target


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while at < len(data):
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            break
    return value, at


def _field_1(config: bytes) -> int:
    """Field 1 of a protobuf message, when it is a number (0 when absent): the kind of
    a note type's config (0 normal, 1 cloze), the version of a package's ``meta``."""
    at = 0
    while at < len(config):
        key, at = _varint(config, at)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, at = _varint(config, at)
            if number == 1:
                return value
        elif wire == 2:
            size, at = _varint(config, at)
            at += size
        elif wire in (1, 5):
            at += 8 if wire == 1 else 4
        else:
            break
    return 0


def _tables(conn: sqlite3.Connection) -> tuple[dict[str, Any], dict[str, Any]]:
    """Note types and decks of the newer schema, shaped as the JSON of the older one."""
    models: dict[str, Any] = {
        str(ntid): {"name": name, "type": _field_1(bytes(config or b"")), "flds": [], "tmpls": []}
        for ntid, name, config in conn.execute("SELECT id, name, config FROM notetypes")
    }
    for ntid, _, name in sorted(conn.execute("SELECT ntid, ord, name FROM fields")):
        if str(ntid) in models:
            models[str(ntid)]["flds"].append({"name": name})
    for ntid, _ in sorted(conn.execute("SELECT ntid, ord FROM templates")):
        if str(ntid) in models:
            models[str(ntid)]["tmpls"].append({})
    decks = {
        str(did): {"name": str(name).replace("\x1f", "::")}
        for did, name in conn.execute("SELECT id, name FROM decks")
    }
    return models, decks


def _read_collection(db: Path, path: Path) -> tuple[dict[str, Any], dict[str, Any], list[Any]]:
    """Note types, decks, and the notes with the deck of their first card."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ImportFailure(f"{path}: cannot open the collection: {exc}") from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "notetypes" in tables:
            models, decks = _tables(conn)
        else:
            row = conn.execute("SELECT models, decks FROM col").fetchone()
            if row is None or not row[0]:
                raise ImportFailure(f"{path}: {_UNKNOWN}")
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
            db = _extract(archive, name, Path(tmp), path)
            models, decks, rows = _read_collection(db, path)
    except zipfile.BadZipFile:
        raise ImportFailure(f"{path}: not an Anki package (not a zip file)") from None
    except OSError as exc:
        raise ImportFailure(f"{path}: cannot read: {exc.strerror or exc}") from None
    notes: list[AnkiNote] = []
    warnings: list[Skipped] = []
    for index, (guid, mid, tags, flds, did) in enumerate(rows, start=1):
        model = models.get(str(mid))
        if not isinstance(model, dict):
            warnings.append(Skipped(index, both_languages("anki.skip.not_in_collection", mid=mid)))
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

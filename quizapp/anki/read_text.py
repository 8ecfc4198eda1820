"""Anki's "Notes in Plain Text" export (``.txt``): ``#key:value`` headers, then one note a row.

Anki writes ``#separator:tab``, ``#html:true``, ``#tags column:N`` and, when
asked, ``#guid column``, ``#notetype column`` and ``#deck column``; the other
columns are the note's fields in order. Fields that hold the separator, a quote
or a line break are quoted as in CSV.
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from ..i18n import both_languages
from .notes import AnkiNote, ImportFailure, Skipped

_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_COLUMNS = ("guid column", "notetype column", "deck column", "tags column")
_KNOWN = {"separator", "html", *_COLUMNS, "notetype", "deck", "tags", "columns", "if matches"}


def _headers(lines: list[str]) -> tuple[dict[str, str], int, list[Skipped]]:
    """The ``#key:value`` headers, how many lines they take, and warnings about them."""
    headers: dict[str, str] = {}
    warnings: list[Skipped] = []
    count = 0
    while count < len(lines) and lines[count].startswith("#"):
        line = lines[count]
        count += 1
        key, sep, value = line[1:].partition(":")
        key = key.strip().casefold()
        if not sep or key not in _KNOWN:
            header = repr(line.strip())
            warnings.append(
                Skipped(count, both_languages("anki.skip.unknown_header", header=header))
            )
        else:
            headers[key] = value.strip()
    if "separator" not in headers:
        warnings.append(Skipped(1, both_languages("anki.skip.no_separator")))
    return headers, count, warnings


def _separator(value: str, path: Path) -> str:
    if value.casefold() in _SEPARATORS:
        return _SEPARATORS[value.casefold()]
    if len(value) == 1:
        return value
    raise ImportFailure(f"{path}:1: unknown separator {value!r} (known: {', '.join(_SEPARATORS)})")


def _column(headers: dict[str, str], key: str, path: Path) -> int | None:
    """A 0-based column from a 1-based ``#... column:N`` header."""
    value = headers.get(key)
    if value is None:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ImportFailure(f"{path}: '#{key}:{value}' is not a column number (1, 2, …)")
    return int(value) - 1


def read_text(path: Path) -> tuple[list[AnkiNote], list[Skipped]]:
    """The notes of a plain-text export and warnings about lines that are not notes."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailure(f"{path}: not UTF-8 text; export it from Anki again") from None
    except OSError as exc:
        raise ImportFailure(f"{path}: cannot read: {exc.strerror or exc}") from None
    lines = text.splitlines(keepends=True)
    headers, skip, warnings = _headers(lines)
    delimiter = _separator(headers.get("separator", "tab"), path)
    html = headers.get("html", "true").casefold() != "false"
    columns = {key: _column(headers, key, path) for key in _COLUMNS}
    special = {c for c in columns.values() if c is not None}
    notes: list[AnkiNote] = []
    reader = csv.reader(io.StringIO("".join(lines[skip:])), delimiter=delimiter)
    end = 0
    for row in reader:
        start, end = skip + end + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        short = [k for k, c in columns.items() if c is not None and c >= len(row)]
        if short:
            wanted = (columns[short[0]] or 0) + 1
            warnings.append(
                Skipped(
                    start,
                    both_languages(
                        "anki.skip.short_row", count=len(row), column=short[0], wanted=wanted
                    ),
                )
            )
            continue

        def cell(key: str, row: list[str] = row) -> str | None:
            column = columns[key]
            return row[column] if column is not None else None

        fields = tuple(value for i, value in enumerate(row) if i not in special)
        notetype = cell("notetype column") or headers.get("notetype", "")
        tags = (cell("tags column") or "").split() + headers.get("tags", "").split()
        given = cell("guid column")
        guid = given or _content_guid(notetype, fields)
        notes.append(
            AnkiNote(
                line=start,
                guid=guid,
                notetype=notetype,
                fields=fields,
                tags=tuple(dict.fromkeys(tags)),
                deck=cell("deck column") or headers.get("deck"),
                html=html,
                guid_known=bool(given),
            )
        )
    return notes, warnings


def _content_guid(notetype: str, fields: tuple[str, ...]) -> str:
    """Without a GUID column, a note is known by its type and first field."""
    first = fields[0] if fields else ""
    return hashlib.sha1(f"{notetype}\x1f{first}".encode()).hexdigest()

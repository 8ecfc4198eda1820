"""Notes that come back from Anki: which items they are, and what the student changed.

A note exported by quizapp is known by its GUID (derived from the item id, or the
GUID the item was imported with) or, failing that, by the item id in its
``quizapp id`` field. Such a note is not imported again; it is compared with the
note the export writes for the item today, and with ``--update`` the differences
are written as a unified diff of the fields, as Markdown, for the author to review.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from question_bank import Bank, Item

from .export import item_guid, make_note
from .notes import ID_FIELD, Existing, Known
from .to_markdown import NestedCloze, plain_text, to_markdown

_LANGS = ("ko", "en")  # the export's labels follow --lang: either is "unchanged"


def known_items(bank: Bank, replacing: Path | None = None) -> Known:
    """The loaded items as Anki knows them; not those of the file being replaced
    (``--out`` with ``--force``), whose notes are imported afresh."""
    target = replacing.resolve() if replacing is not None and replacing.exists() else None
    guids: dict[str, str] = {}
    for item in bank.items.values():
        where = bank.where.get(item.id)
        if target is not None and where is not None and where.path.resolve() == target:
            continue
        guids[item_guid(item)] = item.id
    return Known(guids, frozenset(guids.values()))


@dataclass(frozen=True)
class Changed:
    existing: Existing
    item: Item
    exported: list[str]  # the fields the export writes for the item (without the id)
    edited: list[str]  # the same fields as they came back from Anki


def _content(existing: Existing) -> list[str]:
    note = existing.note
    names = [n.casefold() for n in note.field_names]
    return [f for i, f in enumerate(note.fields) if i >= len(names) or names[i] != ID_FIELD]


def _same(a: list[str], b: list[str]) -> bool:
    return [" ".join(f.split()) for f in a] == [" ".join(f.split()) for f in b]


def changed_notes(bank: Bank, existing: list[Existing], lang: str = "ko") -> list[Changed]:
    """The notes whose fields differ from what the export writes for their item."""
    changed: list[Changed] = []
    for found in existing:
        item = bank.items.get(found.item_id)
        if item is None:
            continue
        content = _content(found)
        versions = [make_note(item, [], code).fields[:-1] for code in (lang, *_LANGS)]
        edited = content[: len(versions[0])] + [""] * (len(versions[0]) - len(content))
        if not found.note.html or any(_same(edited, v) for v in versions):
            continue
        changed.append(Changed(found, item, versions[0], edited))
    return changed


def _field_names(item: Item) -> list[str]:
    return ["Text", "Back Extra"] if item.type == "cloze" else ["Front", "Back", "Extra"]


def _markdown(html: str) -> str:
    try:
        return to_markdown(html)
    except NestedCloze:
        return plain_text(html)


def _lines(item: Item, fields: list[str]) -> list[str]:
    lines: list[str] = []
    for name, html in zip(_field_names(item), fields, strict=False):
        lines.append(f"## {name}\n")
        lines += [f"{line}\n" for line in _markdown(html).split("\n") if _markdown(html)]
    return lines


def diff_text(bank: Bank, changed: list[Changed], source: Path) -> str:
    parts = [
        f"# Notes of bank items edited in Anki ({source}): '-' as quizapp exports the item,\n"
        "# '+' as it came back. Copy what you want to keep into the item's YAML.\n"
    ]
    for one in changed:
        where = bank.where.get(one.item.id)
        parts.extend(
            difflib.unified_diff(
                _lines(one.item, one.exported),
                _lines(one.item, one.edited),
                fromfile=f"{where or 'bank'} (item {one.item.id})",
                tofile=f"{source}:{one.existing.note.line} (edited in Anki)",
            )
        )
    return "".join(parts)


def write_diff(path: Path, bank: Bank, changed: list[Changed], source: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(diff_text(bank, changed, source), encoding="utf-8")

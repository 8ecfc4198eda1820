"""Markdown tables that fit the pane they are shown in.

Textual's Markdown widget squeezes a table that is wider than its pane into columns
whose cells end in "…" (a layer table's ``Conv2d(1, 32, kernel_size=3, padding=1)``,
a score column's ``3▏``). :func:`fit_tables` keeps a table that fits and turns one
that does not into a list, a row a line that wraps like any paragraph::

    - **1** — 층: `Conv2d(1, 32, kernel_size=3, padding=1)` · 출력 모양: `(N, 32, 28, 28)`

Nothing else changes: code blocks (a table inside one is code) and text are left as
they are, so the same text is shown as a table again when the pane is wide enough.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

from .student_text import plain

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CELL_PADDING = 2  # a cell's padding, one column each side
_EDGES = 2  # the table's own left and right edge


def split_row(line: str) -> list[str]:
    """The cells of one table row (``\\|`` stays inside its cell)."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", text)]


def table_width(rows: list[list[str]]) -> int:
    """The cells a table needs to show every cell on one line."""
    columns = max(len(row) for row in rows)
    widths = [0] * columns
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], cell_len(plain(cell)))
    return sum(w + _CELL_PADDING for w in widths) + (columns - 1) + _EDGES


def as_list(header: list[str], rows: list[list[str]]) -> list[str]:
    """A table's rows as list lines: the first cell in bold, the others after their header."""
    lines = []
    for row in rows:
        first, rest = (row[0] if row else ""), row[1:]
        parts = []
        for i, value in enumerate(rest, 1):
            name = plain(header[i]) if i < len(header) else ""
            parts.append(f"{name}: {value}" if name else value)
        head = f"**{first}**" if first else ""
        lines.append("- " + " — ".join(p for p in (head, " · ".join(parts)) if p))
    return lines


def fit_tables(markdown: str, width: int) -> str:
    """``markdown`` with every table wider than ``width`` cells written as a list."""
    if width <= 0 or "|" not in markdown:
        return markdown
    lines = markdown.split("\n")
    out: list[str] = []
    fence: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        opener = _FENCE.match(line)
        if opener is not None and (fence is None or opener.group(1) == fence):
            fence = opener.group(1) if fence is None else None
        is_table = (
            fence is None
            and "|" in line
            and i + 1 < len(lines)
            and _SEPARATOR.match(lines[i + 1]) is not None
            and "|" in lines[i + 1]
        )
        if not is_table:
            out.append(line)
            i += 1
            continue
        header = split_row(line)
        end = i + 2
        rows: list[list[str]] = []
        while end < len(lines) and "|" in lines[end] and lines[end].strip():
            rows.append(split_row(lines[end]))
            end += 1
        if table_width([header, *rows]) <= width:
            out.extend(lines[i:end])
        else:
            out.extend(as_list(header, rows))
        i = end
    return "\n".join(out)

"""Small formatters the screens, views and commands share: points, percentages, and text
cut to fit a table cell or a column of terminal cells."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size


def points(value: float, places: int = 2) -> str:
    """Points with at most ``places`` decimals and no trailing zeros: ``10``, ``7.5``,
    ``6.67`` (a third of 20, never ``6.66667``)."""
    return f"{round(value, places):g}"


def percent(value: float | None, *, fixed: bool = False) -> str:
    """A percentage to one decimal, ``—`` for none: ``59.6%`` stays 59.6% (never a rounded-up
    "60%" beside "failed"); ``60%``, or ``60.0%`` when ``fixed`` (the CLI reports' columns)."""
    if value is None:
        return "—"
    return f"{value:.1f}%" if fixed else f"{round(value, 1):g}%"


def cell(text: str) -> str:
    """Text that cannot break a Markdown table row."""
    return " ".join(text.split()).replace("|", "\\|")


def clip(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` terminal cells (with "…"), so that a Korean headline does
    not push a table wider than the screen (``len`` would count it half as wide)."""
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, cells - 1).rstrip() + "…"


def local_minute(iso: str) -> str:
    """A stored UTC time (``2026-03-02T09:00:00.123Z``) as the student's local clock reads
    it, to the minute: ``2026-03-02 18:00``. Text that is no time is returned as it is."""
    return _local(iso, "%Y-%m-%d %H:%M")


def local_day(iso: str) -> str:
    """A stored UTC time as the student's local date: ``2026-03-02``."""
    return _local(iso, "%Y-%m-%d")


def _local(iso: str, form: str) -> str:
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return moment.astimezone().strftime(form)

"""Plain-text columns that stay aligned with Korean (wide) characters in a terminal."""

from __future__ import annotations

from unicodedata import east_asian_width


def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide and full-width characters count two."""
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, cells: int) -> str:
    """``text`` padded with spaces to ``cells`` terminal cells."""
    return text + " " * max(0, cells - display_width(text))

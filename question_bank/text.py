"""Plain-text columns that stay aligned with Korean (wide) characters in a terminal.

Widths come from ``wcwidth``, which knows the Unicode tables: Hangul in
decomposed (NFD) form is a wide leading consonant plus zero-width vowel and
final jamo, which a per-character East Asian Width count gets wrong.
"""

from __future__ import annotations

import wcwidth


def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide characters count two, combining ones none."""
    return wcwidth.width(text)


def pad(text: str, cells: int) -> str:
    """``text`` padded with spaces to ``cells`` terminal cells (unchanged when wider)."""
    return wcwidth.ljust(text, cells)

"""When an answer is right, exactly as the bank format defines it."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Unicode NFC, case folding, white space collapsed and trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def matches_any(typed: str, accepted: Iterable[str]) -> bool:
    """Short-answer matching: the typed text equals one accepted answer after normalising."""
    given = normalize(typed)
    return any(given == normalize(a) for a in accepted)


def parse_number(typed: str) -> float | None:
    """A typed number (``1,024`` and ``1e-3`` allowed); None when it is not one."""
    cleaned = typed.strip().replace(",", "").replace("_", "")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def numeric_correct(typed: str, answer: float, tolerance: float = 0.0) -> bool:
    value = parse_number(typed)
    return value is not None and abs(value - answer) <= tolerance + 1e-12 * max(1.0, abs(answer))

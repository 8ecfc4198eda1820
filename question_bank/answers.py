"""When an answer is right, exactly as the bank format defines it."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from fractions import Fraction

_SPACE = re.compile(r"\s+")
# White space beside punctuation carries no meaning: `(3, 4)` is `(3,4)`.
_SPACE_BY_PUNCT = re.compile(r"\s*([^\w\s])\s*")
_NN_PREFIX = re.compile(r"^(?:torch\.)?nn\.")


def normalize(text: str) -> str:
    """Unicode NFC, case folding, white space collapsed and trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def answer_key(text: str) -> str:
    """What two spellings of one answer share: :func:`normalize`, no white space beside
    punctuation, no leading ``nn.`` / ``torch.nn.`` and no trailing ``()``, so that
    ``nn.Linear`` matches ``Linear`` and a typed ``eval()`` matches ``eval``."""
    key = _SPACE_BY_PUNCT.sub(r"\1", normalize(text))
    key = _NN_PREFIX.sub("", key)
    return key.removesuffix("()")


def matches_any(typed: str, accepted: Iterable[str]) -> bool:
    """Short-answer and cloze matching: the typed text and one accepted answer have the
    same :func:`answer_key`."""
    given = answer_key(typed)
    return bool(given) and any(given == answer_key(a) for a in accepted)


def parse_number(typed: str) -> float | None:
    """A typed number (``1,024`` and ``1e-3`` allowed); None when it is not one."""
    cleaned = typed.strip().replace(",", "").replace("_", "")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_ratio(typed: str) -> float | None:
    """A typed ratio as a decimal: ``0.8``, ``80%`` and ``4/5`` all give 0.8."""
    cleaned = typed.strip().replace(" ", "")
    if cleaned.endswith("%"):
        value = parse_number(cleaned[:-1])
        return None if value is None else value / 100
    if cleaned.count("/") == 1:
        top, bottom = cleaned.split("/")
        try:
            fraction = Fraction(top) / Fraction(bottom)
        except (ValueError, ZeroDivisionError):
            return None
        return float(fraction)
    return parse_number(cleaned)


def numeric_correct(
    typed: str, answer: float, tolerance: float = 0.0, *, ratio: bool = False
) -> bool:
    """Whether ``typed`` is ``answer`` within ``tolerance``; a ``ratio`` answer may also be
    typed as a percentage or a fraction."""
    value = parse_ratio(typed) if ratio else parse_number(typed)
    return value is not None and abs(value - answer) <= tolerance + 1e-12 * max(1.0, abs(answer))

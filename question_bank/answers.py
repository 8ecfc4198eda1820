"""Text normalisation for search and true/false answers, and two shortcuts kept for
their callers. How typed answers are judged lives in :mod:`question_bank.matching`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Unicode NFC, case folding, white space collapsed and trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def matches_any(typed: str, accepted: Iterable[str]) -> bool:
    """Whether ``typed`` matches one accepted answer (no glossary): see
    :func:`question_bank.matching.judge_text`."""
    from .matching import judge_text

    return judge_text(typed, list(accepted)).correct


def numeric_correct(
    typed: str, answer: float, tolerance: float = 0.0, *, ratio: bool = False
) -> bool:
    """Whether ``typed`` is ``answer`` within ``tolerance``; a ``ratio`` answer may also be
    typed as a percentage or a fraction: see :func:`question_bank.matching.judge_number`."""
    from .matching import judge_number

    return judge_number(typed, answer, tolerance, ratio=ratio).correct

"""The verdict on one answer and how it was reached."""

from __future__ import annotations

from dataclasses import dataclass

from ..glossary import Swap


@dataclass(frozen=True)
class Judgement:
    """The verdict on one typed answer (or, for a cloze, on all its blanks).

    ``how`` says why: ``exact``, ``spelling`` (spacing, case, punctuation, width),
    ``ending`` (a particle or copula left after the answer), ``glossary``, ``both``
    (``답 (answer)``), ``number`` (a unit or another form of the same number),
    ``choice`` (choices and true/false), ``rejected`` (a listed near miss, see ``why``),
    ``wrong``, ``empty``, or ``cloze`` (see ``blanks``).
    """

    correct: bool
    typed: str
    how: str
    matched: str | None = None  # the accepted answer (as the bank writes it) or value
    swaps: tuple[Swap, ...] = ()
    why: str | None = None
    blanks: tuple[Judgement, ...] = ()

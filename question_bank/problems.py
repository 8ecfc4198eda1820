"""Problems found in a bank, reported the way a compiler reports errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .said import in_lang


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a bank: where it is and what is wrong.

    An ``error`` makes the bank unusable; a ``warning`` points at something that
    works but is probably not what the author meant (``bank check`` prints it and
    still exits 0).
    """

    path: Path
    line: int
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        return self.in_lang("en")

    def in_lang(self, lang: str) -> str:
        """The line ``bank check`` prints, in ``lang`` where the message has that wording."""
        label = ""
        if self.severity == "warning":
            label = "경고: " if lang == "ko" else "warning: "
        return f"{self.path}:{self.line}: {label}{in_lang(self.message, lang)}"


@dataclass(frozen=True)
class Location:
    """Where a definition lives, for messages that point back at it."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


class BankError(Exception):
    """Raised when a bank cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

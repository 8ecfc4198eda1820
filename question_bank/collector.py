"""Problems gathered while a bank loads, each at its ``path:line``.

The loader and its checks add to one :class:`Collector`; a pydantic error is mapped
back to the YAML line its value came from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .messages import describe
from .problems import Problem
from .yaml_lines import LineDict, line_at


class Collector:
    """Gathers problems and maps pydantic errors back to YAML lines."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: Path, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))

    def validate(
        self,
        model: type[BaseModel],
        raw: Any,
        path: Path,
        *,
        what: str,
        fallback: Any = None,
    ) -> Any:
        """Validate ``raw`` as ``model``; on failure record each error at its line."""
        try:
            return model.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                loc = tuple(err["loc"])
                source = raw
                if (
                    fallback is not None
                    and loc
                    and isinstance(raw, LineDict)
                    and loc[0] not in raw.key_lines
                    and loc[0] in fallback
                ):
                    source = fallback  # the value came from the file-wide defaults
                line = line_at(source, loc, getattr(raw, "line", 1))
                self.add(path, line, describe(err, model, what))
            return None

    def semantic(self, obj: Any, raw: Any, path: Path) -> None:
        for loc, message in obj.problems():
            self.add(path, line_at(raw, loc, getattr(raw, "line", 1)), message)

"""Mutants a task declares equivalent to its reference: ``tasks/<id>/equivalent.yaml``.

A mapping from mutant id (as ``quizapp bank verify`` prints it) to a
one-line reason why no correct test can tell that mutant from the reference::

    swap-args:10:24:1: ReLU and MaxPool2d commute (the max of ReLUs is the ReLU of the max)

``quizapp bank verify`` does not take the reason on trust: it grades each
declared mutant again with other seeds and reports the claim when one fails.
"""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .yaml_lines import LineDict, load_yaml

EQUIVALENT_FILE = "equivalent.yaml"


def load_equivalents(folder: Path) -> tuple[dict[str, str], list[Problem]]:
    """Mutant id → reason (empty when the file is absent), and the problems found."""
    path = folder / EQUIVALENT_FILE
    if not path.exists():
        return {}, []
    data, problems = load_yaml(path)
    if data is None:
        return {}, problems
    if not isinstance(data, LineDict):
        line = getattr(data, "line", 1)
        return {}, [
            *problems,
            Problem(path, line, "equivalent.yaml must map mutant ids to reasons"),
        ]
    found: dict[str, str] = {}
    for key, reason in data.items():
        if not isinstance(reason, str) or not reason.strip():
            problems.append(
                Problem(path, data.line_of(key), f"mutant {key}: give a one-line reason")
            )
            continue
        found[str(key)] = reason.strip()
    return found, problems

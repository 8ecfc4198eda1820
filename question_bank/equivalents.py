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
from .said import said
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
            Problem(
                path,
                line,
                said(
                    "equivalent.yaml must map mutant ids to reasons",
                    "equivalent.yaml은 변형 id마다 이유를 적은 매핑이어야 합니다",
                ),
            ),
        ]
    found: dict[str, str] = {}
    for key, reason in data.items():
        if not isinstance(reason, str) or not reason.strip():
            message = said(
                f"mutant {key}: give a one-line reason", f"변형 `{key}`: 이유를 한 줄로 쓰세요"
            )
            problems.append(Problem(path, data.line_of(key), message))
            continue
        found[str(key)] = reason.strip()
    return found, problems

"""The examples of a task's prompt (``>>>`` lines and the output shown after them).

The editor's "run" (ctrl+r) runs them after the student's file, in the
sandbox, so that a shape error or a wrong parameter count shows before the
file is graded. This module only reads the prompt (no torch); the sandboxed
side is :mod:`grader.inside.example_run`.
"""

from __future__ import annotations

import json
import re

from grader.text import Text

_BLOCK = re.compile(r"```python\n(.*?)```", re.S)
MOST = 24  # example statements run at most


def parse(prompt: str) -> list[tuple[str, str]]:
    """(statement, expected output or "") for each ``>>>`` of the prompt's first example block
    that has one (continuation lines ``...`` joined to their statement)."""
    for block in _BLOCK.findall(prompt):
        if ">>>" not in block:
            continue
        found: list[tuple[str, str]] = []
        statement: list[str] = []
        output: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if line.startswith(">>>"):
                if statement:
                    found.append(("\n".join(statement), "\n".join(output)))
                statement, output = [line[4:]], []
            elif line.startswith("...") and statement and not output:
                statement.append(line[4:])
            elif statement and line:
                output.append(line)
        if statement:
            found.append(("\n".join(statement), "\n".join(output)))
        return found[:MOST]
    return []


def encode(examples: list[tuple[str, str]]) -> str:
    return json.dumps(examples, ensure_ascii=False) if examples else ""


def decode(text: str) -> list[tuple[str, str]]:
    """The examples back from a job (an empty list for anything else)."""
    try:
        data = json.loads(text) if text else []
    except ValueError:
        return []
    if not isinstance(data, list):
        return []
    return [
        (str(item[0]), str(item[1]))
        for item in data[:MOST]
        if isinstance(item, list) and len(item) == 2
    ]


def same_output(expected: str, seen: str) -> bool:
    """The output the prompt shows, whitespace aside."""
    return " ".join(expected.split()) == " ".join(seen.split())


def notes_of(value: object, most: int = 8, chars: int = 4000) -> list[Text]:
    """The notes a run sent back, checked: a list of texts, each cut to ``chars``."""
    if not isinstance(value, list):
        return []
    found: list[Text] = []
    for item in value[:most]:
        if isinstance(item, dict) and all(type(item.get(lang)) is str for lang in ("en", "ko")):
            found.append({lang: item[lang][:chars] for lang in ("en", "ko")})
    return found

"""A task's mistake catalogue: realistic wrong solutions, each with the words that name it.

``tasks/<id>/mistakes.yaml`` (optional) lists the mistakes students make on
the task. Each entry is the reference ``solution.py`` with some text replaced
(``replace``), or a whole file of its own under the task folder (``file``)::

    - id: avgpool
      message:
        en: "AvgPool2d where MaxPool2d was asked: pooling keeps each window's maximum (p.113)"
        ko: "MaxPool2d 자리에 AvgPool2d를 썼습니다: 풀링은 창마다 최댓값을 남깁니다 (p.113)"
      replace:
        - old: nn.MaxPool2d(2)
          new: nn.AvgPool2d(2)

``quizapp bank verify`` checks that every mistake fails the hidden tests; the
grader names the mistake in a failing report whose behaviour matches it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .messages import describe
from .problems import Problem
from .yaml_lines import LineDict, LineList, line_at, load_yaml

MISTAKES_FILE = "mistakes.yaml"
_LANGUAGES = {"en": "the English words", "ko": "the Korean words"}
_Words = Annotated[str, StringConstraints(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Message(_Strict):
    """The mistake named in both interface languages."""

    en: _Words
    ko: _Words


class Replacement(_Strict):
    """Every occurrence of ``old`` in solution.py becomes ``new``."""

    old: Annotated[str, StringConstraints(min_length=1)]
    new: str


class Mistake(_Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    message: Message
    replace: Annotated[list[Replacement], Field(min_length=1)] | None = None
    file: str | None = None
    # Not in the YAML: the wrong program, built by the loader.
    source: str = Field(default="", exclude=True)


def load_mistakes(folder: Path, solution: str) -> tuple[list[Mistake], list[Problem]]:
    """The task folder's catalogue (empty when it has none) and the problems found in it."""
    path = folder / MISTAKES_FILE
    if not path.exists():
        return [], []
    data, problems = load_yaml(path)
    if data is None:
        return [], problems
    if not isinstance(data, LineList):
        line = getattr(data, "line", 1)
        return [], [*problems, Problem(path, line, "mistakes.yaml must be a list of mistakes")]
    found: list[Mistake] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(data):
        line = data.line_of(i)
        if not isinstance(raw, LineDict):
            problems.append(Problem(path, line, "a mistake must be a mapping (id:, message:, …)"))
            continue
        try:
            mistake = Mistake.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                loc = tuple(err["loc"])
                where = line_at(raw, loc, line)
                if err["type"] == "missing" and loc[:1] == ("message",) and len(loc) == 2:
                    words = _LANGUAGES.get(str(loc[1]), str(loc[1]))
                    text = f"mistake {raw.get('id')!r}: `message` needs `{loc[1]}` ({words})"
                else:
                    text = describe(err, Mistake, "mistake")
                problems.append(Problem(path, where, text))
            continue
        if mistake.id in seen:
            problems.append(
                Problem(
                    path,
                    raw.line_of("id"),
                    f"duplicate mistake id {mistake.id!r}: already at line {seen[mistake.id]}",
                )
            )
            continue
        seen[mistake.id] = raw.line_of("id")
        source, problem = _source(folder, mistake, solution, raw)
        if problem is not None:
            problems.append(Problem(path, *problem))
            continue
        found.append(mistake.model_copy(update={"source": source}))
    return found, problems


def _source(
    folder: Path, mistake: Mistake, solution: str, raw: LineDict
) -> tuple[str, tuple[int, str] | None]:
    """The mistake's program, or (line, what is wrong)."""
    label = f"mistake {mistake.id!r}"
    if (mistake.replace is None) == (mistake.file is None):
        return "", (raw.line, f"{label}: give either `replace` (edits of solution.py) or `file`")
    if mistake.file is not None:
        target = (folder / mistake.file).resolve()
        if not target.is_relative_to(folder.resolve()) or not target.is_file():
            return "", (raw.line_of("file"), f"{label}: file not found: {mistake.file}")
        try:
            source = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return "", (raw.line_of("file"), f"{label}: cannot read {mistake.file}: {exc}")
    else:
        source = solution
        for j, edit in enumerate(mistake.replace or []):
            if edit.old not in source:
                where = line_at(raw, ("replace", j, "old"), raw.line)
                return "", (where, f"{label}: {edit.old!r} is not in solution.py")
            source = source.replace(edit.old, edit.new)
    if source == solution:
        return "", (raw.line, f"{label}: the program is the reference solution itself")
    try:
        compile(source, mistake.file or "<mistake>", "exec", dont_inherit=True)
    except SyntaxError as exc:
        return "", (raw.line, f"{label}: Python syntax error: {exc.msg}")
    return source, None

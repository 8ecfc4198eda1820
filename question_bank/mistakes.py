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
from .said import ko_unreadable, said
from .yaml_lines import LineDict, LineList, line_at, load_yaml

MISTAKES_FILE = "mistakes.yaml"
_LANGUAGES = {"en": ("the English words", "영어 문구"), "ko": ("the Korean words", "한국어 문구")}
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
        message = said(
            "mistakes.yaml must be a list of mistakes", "mistakes.yaml은 실수의 목록이어야 합니다"
        )
        return [], [*problems, Problem(path, line, message)]
    found: list[Mistake] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(data):
        line = data.line_of(i)
        if not isinstance(raw, LineDict):
            message = said(
                "a mistake must be a mapping (id:, message:, …)",
                "실수는 매핑(`id:`, `message:`, …)이어야 합니다",
            )
            problems.append(Problem(path, line, message))
            continue
        try:
            mistake = Mistake.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                loc = tuple(err["loc"])
                where = line_at(raw, loc, line)
                if err["type"] == "missing" and loc[:1] == ("message",) and len(loc) == 2:
                    en, ko = _LANGUAGES.get(str(loc[1]), (str(loc[1]), str(loc[1])))
                    ident = raw.get("id")
                    text = said(
                        f"mistake {ident!r}: `message` needs `{loc[1]}` ({en})",
                        f"실수 {ident!r}: `message`에 `{loc[1]}`({ko})가 필요합니다",
                    )
                else:
                    text = describe(err, Mistake, said("mistake", "실수"))
                problems.append(Problem(path, where, text))
            continue
        if mistake.id in seen:
            first = seen[mistake.id]
            message = said(
                f"duplicate mistake id {mistake.id!r}: already at line {first}",
                f"실수 id {mistake.id!r}가 중복됩니다: 이미 {first}번째 줄에 있습니다",
            )
            problems.append(Problem(path, raw.line_of("id"), message))
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
    ko = f"실수 {mistake.id!r}"
    file = mistake.file
    if (mistake.replace is None) == (file is None):
        return "", (
            raw.line,
            said(
                f"{label}: give either `replace` (edits of solution.py) or `file`",
                f"{ko}: `replace`(solution.py의 수정)와 `file` 중 하나만 쓰세요",
            ),
        )
    if file is not None:
        target = (folder / file).resolve()
        if not target.is_relative_to(folder.resolve()) or not target.is_file():
            lost = said(f"{label}: file not found: {file}", f"{ko}: 파일이 없습니다: {file}")
            return "", (raw.line_of("file"), lost)
        try:
            source = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            unread = said(
                f"{label}: cannot read {file}: {exc}", f"{ko}: {file}: {ko_unreadable(exc)}"
            )
            return "", (raw.line_of("file"), unread)
    else:
        source = solution
        for j, edit in enumerate(mistake.replace or []):
            if edit.old not in source:
                where = line_at(raw, ("replace", j, "old"), raw.line)
                absent = said(
                    f"{label}: {edit.old!r} is not in solution.py",
                    f"{ko}: solution.py에 {edit.old!r}가 없습니다",
                )
                return "", (where, absent)
            source = source.replace(edit.old, edit.new)
    if source == solution:
        same = said(
            f"{label}: the program is the reference solution itself",
            f"{ko}: 프로그램이 모범 답안(solution.py)과 똑같습니다",
        )
        return "", (raw.line, same)
    try:
        compile(source, file or "<mistake>", "exec", dont_inherit=True)
    except SyntaxError as exc:
        # Python's own words, quoted in Korean
        return "", (
            raw.line,
            said(
                f"{label}: Python syntax error: {exc.msg}", f'{ko}: 파이썬 문법 오류: "{exc.msg}"'
            ),
        )
    return source, None

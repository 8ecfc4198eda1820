"""Anki-style cloze deletions: ``{{c1::정답}}``, ``{{c1::정답::hint}}``, and accepted
alternatives separated by ``|``: ``{{c1::목적|비용}}`` (the first is the one shown).
A literal ``|`` in an answer is written ``\\|``: ``{{c1::a \\| b}}`` has the one answer ``a | b``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .said import said

_DELETION = re.compile(r"\{\{c(\d+)::(.*?)\}\}", re.DOTALL)
_OPENER = re.compile(r"\{\{\s*c\d*\s*:?")
_BAR = re.compile(r"(?<!\\)\|")


def alternatives(answer: str) -> list[str]:
    """The ``|``-separated spellings of a blank's answer, ``\\|`` kept as a literal ``|``."""
    return [a.replace("\\|", "|") for a in _BAR.split(answer)]


@dataclass(frozen=True)
class Blank:
    number: int
    answers: tuple[str, ...]  # every accepted spelling; the first is shown as the answer
    hint: str | None

    @property
    def answer(self) -> str:
        return self.answers[0]


def parse_cloze(text: str) -> list[Blank]:
    """The blanks of a cloze text, in order; ValueError for a malformed one (its message a
    :class:`~question_bank.said.Said`, worded in both languages)."""
    blanks: list[Blank] = []
    for match in _DELETION.finditer(text):
        number = int(match.group(1))
        body = match.group(2)
        answer, sep, hint = body.partition("::")
        whole = match.group(0)
        if number < 1:
            raise ValueError(
                said(
                    f"cloze deletion {whole!r}: numbers start at c1",
                    f"빈칸 {whole!r}: 번호는 c1부터 시작합니다",
                )
            )
        if not answer.strip():
            raise ValueError(
                said(
                    f"cloze deletion {whole!r} has an empty answer",
                    f"빈칸 {whole!r}의 정답이 비어 있습니다",
                )
            )
        if _OPENER.search(body):
            raise ValueError(
                said(
                    f"cloze deletion {whole!r} holds another deletion; "
                    "nested clozes are not supported",
                    f"빈칸 {whole!r} 안에 다른 빈칸이 있습니다; 빈칸은 겹쳐 쓸 수 없습니다",
                )
            )
        answers = tuple(a.strip() for a in alternatives(answer))
        if not all(answers):
            raise ValueError(
                said(
                    f"cloze deletion {whole!r} has an empty alternative; "
                    "write {{c1::목적|비용}} with text on both sides of each '|'",
                    f"빈칸 {whole!r}에 빈 대안이 있습니다; "
                    "`{{c1::목적|비용}}`처럼 '|'의 양쪽에 글자를 쓰세요",
                )
            )
        if sep and not hint.strip():
            raise ValueError(
                said(
                    f"cloze deletion {whole!r} has an empty hint",
                    f"빈칸 {whole!r}의 힌트가 비어 있습니다",
                )
            )
        blanks.append(Blank(number, answers, hint.strip() if sep else None))
    leftover = _DELETION.sub("", text)
    stray = _OPENER.search(leftover)
    if stray:
        snippet = leftover[stray.start() : stray.start() + 20]
        raise ValueError(
            said(
                f"malformed cloze deletion near {snippet!r}; write {{{{c1::answer}}}}",
                f"{snippet!r} 근처의 빈칸 표기가 잘못되었습니다; `{{{{c1::정답}}}}`처럼 쓰세요",
            )
        )
    return blanks


def render_cloze(text: str, reveal: bool = False) -> str:
    """The text with each blank shown as ``[...]`` (or its hint), or with answers revealed."""

    def blank(match: re.Match[str]) -> str:
        answer, sep, hint = match.group(2).partition("::")
        if reveal:
            shown = alternatives(answer)[0].strip()
            # in code, `**` would show as it is: the answer stands there plain
            return shown if in_code(text, match.start()) else f"**{shown}**"
        return f"[{hint.strip()}]" if sep else "[...]"

    return _DELETION.sub(blank, text)


def in_code(text: str, position: int) -> bool:
    """Whether ``position`` of Markdown ``text`` is in code: a fenced block, an indented
    block (four spaces or a tab after a blank or indented line) or a backtick span."""
    lines = text[:position].split("\n")
    fenced = False
    for line in lines[:-1]:
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
    if fenced:
        return True
    line = lines[-1]
    if line.count("`") % 2 == 1:
        return True
    before = lines[-2] if len(lines) > 1 else ""
    indented = line.startswith(("    ", "\t"))
    return indented and (not before.strip() or before.startswith(("    ", "\t")))


def first_alternatives(text: str) -> str:
    """The cloze text with each blank keeping only its first alternative (hints kept):
    ``{{c1::목적|비용}}`` → ``{{c1::목적}}``, for tools that know plain Anki clozes only."""

    def blank(match: re.Match[str]) -> str:
        answer, sep, hint = match.group(2).partition("::")
        first = alternatives(answer)[0].strip()
        return f"{{{{c{match.group(1)}::{first}{'::' + hint if sep else ''}}}}}"

    return _DELETION.sub(blank, text)

"""`bank check`'s cross-checks of the glossary and of ``reject:`` answers against the items.

A glossary set must never make an item's listed wrong option right: a wrong choice
of a choice item that the glossary makes equal to the answer, or a ``reject:``
answer that matches an accepted one. Either is reported at the glossary set's line
(or, without the glossary's help, at the item).
"""

from __future__ import annotations

from collections.abc import Iterator

from .answers.typed import judge_text
from .bank_type import Bank
from .glossary import Glossary, TermSet
from .models import Cloze, Item, MultipleChoice, Reject, ShortAnswer, SingleChoice
from .problems import Problem
from .said import said


def wrong_options(item: Item) -> Iterator[tuple[str, list[str]]]:
    """Each wrong option an item lists, with the answers it must never match."""
    if isinstance(item, SingleChoice):
        if item.answer not in item.choices:
            return  # reported by the item itself
        for choice in item.choices:
            if choice != item.answer:
                yield choice, [item.answer]
    elif isinstance(item, MultipleChoice):
        for choice in item.choices:
            if choice not in item.answers:
                yield choice, list(item.answers)
    elif isinstance(item, ShortAnswer):
        for reject in item.reject:
            yield reject.answer, list(item.answers)
    elif isinstance(item, Cloze):
        try:
            answers = {blank.number: list(blank.answers) for blank in item.blanks}
        except ValueError:
            return  # a malformed text: reported by the item itself
        for reject in item.reject:
            if reject.blank in answers:
                yield reject.answer, answers[reject.blank]


def option_problems(bank: Bank) -> list[Problem]:
    """Every listed wrong option that matches its item's answer; blamed on the glossary
    sets that made it match, or on the item when it matches without them."""
    glossary = bank.glossary
    problems: list[Problem] = []
    for item in bank.items.values():
        where = bank.where.get(item.id)
        for option, answers in wrong_options(item):
            verdict = judge_text(option, answers, glossary)
            if not verdict.correct:
                continue
            if where is not None and not judge_text(option, answers, None).correct:
                message = said(
                    f"this set makes {option!r}, a wrong option of item {item.id!r} "
                    f"({where}), match its answer {verdict.matched!r}",
                    f"이 묶음 때문에 문항 {item.id!r}({where})의 오답 {option!r}가 "
                    f"정답 {verdict.matched!r}와 맞게 됩니다",
                )
                for entry in _blamed(option, answers, glossary):
                    problems.append(Problem(entry.path, entry.line, message))
            elif where is not None and _is_reject(item, option):
                # a choice is picked, never typed: only the glossary can make it match
                message = said(
                    f"item {item.id!r}: the rejected answer {option!r} matches the answer "
                    f"{verdict.matched!r} (typed answers ignore spacing, case, "
                    "punctuation and a trailing particle)",
                    f"문항 {item.id!r}: 오답으로 적은 {option!r}가 정답 {verdict.matched!r}와 "
                    "맞습니다 (입력한 답은 띄어쓰기, 대소문자, 문장 부호와 끝의 조사를 "
                    "무시합니다)",
                )
                problems.append(Problem(where.path, where.line, message))
    return problems


def _is_reject(item: Item, option: str) -> bool:
    rejects: list[Reject] = getattr(item, "reject", [])
    return any(r.answer == option for r in rejects)


def _blamed(option: str, answers: list[str], glossary: Glossary) -> list[TermSet]:
    """The glossary sets without which ``option`` no longer matches ``answers``."""
    blamed = []
    for entry in glossary.sets:
        without = Glossary([s for s in glossary.sets if s is not entry])
        if not judge_text(option, answers, without).correct:
            blamed.append(entry)
    return blamed or list(glossary.sets[:1])

"""Typed answers judged as a fair Korean teacher would: short answers, cloze blanks, numbers.

Used by review, quiz, the mock exam, 오답노트 and ``quizapp bank try`` through
:mod:`question_bank.answers.check`; numbers are read by :mod:`.numbers`.
The rules (docs/bank-format.md, "How typed answers are judged"):

- spacing (and a hyphen between letters), case, surrounding punctuation and quotes,
  full-width forms and Unicode normalisation (NFKC) never matter; a leading
  ``nn.``/``torch.nn.`` and a trailing ``()`` neither;
- a particle or copula after a complete accepted answer is accepted
  (과적합이요, 과적합입니다, 과적합을), never a different word;
- a glossary term stands for every term of its set (망각 = forget);
- ``답 (answer)``: two forms of the answer, each right, are right;
- numbers: a counter or unit after the number (``4개``), thousands separators, ``4.0``;
  ``80%``, ``4/5`` and ``5분의 4`` where the item's form is a ratio; other digits never;
- an answer the item lists under ``reject:`` is wrong, with its own explanation;
- nothing else: no edit distance, no substring, no "close enough".

A :class:`Judgement` says whether the answer is right and how it matched, so that the
screen can say what was accepted and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..cloze import _DELETION as DELETION
from ..glossary import Glossary, Swap, term_key
from ..models import Cloze, Numeric, Reject, ShortAnswer
from .judgement import Judgement
from .normal import PARTICLES, SPACE, normal
from .numbers import judge_number

_ENDINGS = frozenset(PARTICLES)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NO_GLOSSARY = Glossary()
_RANK = ("exact", "spelling", "ending", "glossary")
_BOTH = re.compile(r"^(?P<a>[^()]+?)\s*\((?P<b>[^()]+)\)$")


@dataclass(frozen=True)
class _Form:
    plain: str  # normalised, without white space
    key: str  # the same with glossary terms replaced by their sets
    terms: tuple[tuple[int, str], ...]
    split: _Form | None = None  # the same with CamelCase words apart: `BCE Loss`


def _form(text: str, glossary: Glossary, *, camel: bool = True) -> _Form:
    """The forms ``text`` is compared by, remembered by the glossary (answers recur)."""
    memo = glossary.memo
    found = memo.get((text, camel))
    if not isinstance(found, _Form):
        found = _make_form(text, glossary, camel=camel)
        if len(memo) < 100_000:
            memo[(text, camel)] = found
    return found


def _make_form(text: str, glossary: Glossary, *, camel: bool) -> _Form:
    spaced = _CAMEL.sub(" ", text) if camel and glossary else text
    split = _form(spaced, glossary, camel=False) if spaced != text else None
    text = normal(text)
    key, terms = glossary.canonical(text)
    return _Form(SPACE.sub("", text), key, terms, split)


def _swaps(typed: _Form, accepted: _Form, glossary: Glossary) -> tuple[Swap, ...]:
    """The glossary terms the student used in place of the accepted answer's."""
    theirs = dict(accepted.terms)
    return tuple(
        Swap(glossary.spelling(term), glossary.spelling(theirs[number]))
        for number, term in typed.terms
        if number in theirs and term_key(term) != term_key(theirs[number])
    )


def _match(typed: _Form, accepted: _Form, *, glossed: bool) -> str | None:
    """``""`` when equal, the ending when ``typed`` is ``accepted`` plus a particle, else None;
    compared as typed (``bce loss`` is ``BCELoss``: spacing never counts) or, ``glossed``,
    with the glossary applied (``CE`` is ``교차 엔트로피``)."""
    mine, theirs = (typed.key, accepted.key) if glossed else (typed.plain, accepted.plain)
    if mine == theirs:
        return ""
    if theirs and mine.startswith(theirs) and mine[len(theirs) :] in _ENDINGS:
        return mine[len(theirs) :]
    return None


def _glossed(typed: _Form, accepted: _Form) -> tuple[_Form, _Form, str] | None:
    """The forms (as written, or with CamelCase apart) that match with the glossary applied,
    and the ending left after the answer."""
    for mine in (typed, typed.split):
        for theirs in (accepted, accepted.split):
            if mine is None or theirs is None:
                continue
            ending = _match(mine, theirs, glossed=True)
            if ending is not None:
                return mine, theirs, ending
    return None


def judge_text(
    typed: str,
    accepted: Sequence[str],
    glossary: Glossary | None = None,
    rejects: Sequence[Reject] = (),
) -> Judgement:
    """A short answer or one cloze blank against its accepted answers."""
    glossary = glossary if glossary is not None else _NO_GLOSSARY
    form = _form(typed, glossary)
    if not form.key:
        return Judgement(False, typed, "empty")
    for reject in rejects:
        near = _form(reject.answer, glossary)
        if _match(form, near, glossed=False) is not None or _glossed(form, near):
            return Judgement(False, typed, "rejected", reject.answer, why=reject.why)
    found: list[Judgement] = []
    for answer in accepted:
        target = _form(answer, glossary)
        ending = _match(form, target, glossed=False)
        swaps: tuple[Swap, ...] = ()
        if ending is None:
            pair = _glossed(form, target)
            if pair is None:
                continue
            mine, theirs, ending = pair
            swaps = _swaps(mine, theirs, glossary)
        if swaps:
            how = "glossary"
        elif ending:
            how = "ending"
        else:
            how = "exact" if typed.strip() == answer.strip() else "spelling"
        found.append(Judgement(True, typed, how, answer, swaps))
    if found:  # the plainest reason wins: `early stopping` is listed, not glossed
        return min(found, key=lambda j: _RANK.index(j.how))
    both = _BOTH.match(normal(typed))
    if both:
        first = judge_text(both["a"], accepted, glossary, rejects)
        second = judge_text(both["b"], accepted, glossary, rejects)
        if first.correct and second.correct:
            return Judgement(True, typed, "both", first.matched, first.swaps + second.swaps)
    return Judgement(False, typed, "wrong")


def matches_any(typed: str, accepted: Iterable[str]) -> bool:
    """Whether ``typed`` matches one accepted answer (no glossary): see :func:`judge_text`."""
    return judge_text(typed, list(accepted)).correct


# -- items -------------------------------------------------------------------------


def allows_percent(item: Numeric) -> bool:
    """A number item whose prompt asks for a percentage takes ``80%`` as 80."""
    return item.form == "number" and ("%" in item.prompt or "퍼센트" in item.prompt)


def judge_typed(
    item: ShortAnswer | Numeric | Cloze,
    response: str | Sequence[str],
    glossary: Glossary | None = None,
) -> Judgement:
    """A short answer, a number or a cloze (one text per blank, in order)."""
    if isinstance(item, ShortAnswer):
        text = response if isinstance(response, str) else " ".join(response)
        return judge_text(text, _with_head_noun(item.answers, item.prompt), glossary, item.reject)
    if isinstance(item, Numeric):
        text = response if isinstance(response, str) else " ".join(response)
        return judge_number(
            text,
            item.answer,
            item.tolerance,
            ratio=item.form == "ratio",
            percent=allows_percent(item),
            rejects=item.reject,
        )
    typed = [response] if isinstance(response, str) else list(response)
    blanks = item.blanks
    spans = list(DELETION.finditer(item.text))
    after = [_next_word(item.text[m.end() :]) for m in spans]
    code = [_in_code(item.text, m.start()) for m in spans]
    judged = tuple(
        judge_text(
            typed[i] if i < len(typed) else "",
            _with_next_word(blank.answers, after[i] if i < len(after) else ""),
            None if i < len(code) and code[i] else glossary,
            [r for r in item.reject if r.blank == blank.number],
        )
        for i, blank in enumerate(blanks)
    )
    correct = len(typed) == len(blanks) and all(j.correct for j in judged)
    return Judgement(correct, " / ".join(typed), "cloze", blanks=judged)


_WORD_AFTER = re.compile(r"[ \t]*([가-힣A-Za-z]+)")


def _next_word(rest: str) -> str:
    """The word right after a blank in the cloze text (``게이트`` in ``{{c1::forget}} 게이트로``),
    without a particle: a student may type it with the answer."""
    match = _WORD_AFTER.match(rest)
    if not match:
        return ""
    word = match.group(1)
    for ending in PARTICLES:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return word


def _with_next_word(answers: Sequence[str], word: str) -> list[str]:
    """A blank's answers, then each followed by the next word of the text (``forget 게이트``,
    ``회귀 문제``, ``K개``): never the next word alone."""
    if not word:
        return list(answers)
    return [*answers, *(f"{a} {word}" for a in answers)]


def _in_code(text: str, at: int) -> bool:
    """Whether position ``at`` of a Markdown text lies in code (an inline span or a fenced
    block): a blank in code takes code, never a glossary term (``parameters``, not
    ``parameter`` or ``파라미터``)."""
    before = text[:at]
    fences = before.count("```")
    if fences % 2:
        return True
    return before.replace("```", "").count("`") % 2 == 1


# Nouns a question asks for by name, in groups of the same kind: `argmax 함수` or
# `argmax 메서드` answers "…함수 이름은?".
HEAD_NOUNS = (
    ("함수", "메서드", "method", "function"),
    ("클래스", "모듈", "class"),
    ("기법", "방법", "방식", "기술"),
    ("층", "레이어", "layer"),
    ("연산자", "기호", "operator"),
    ("라이브러리", "library"),
    ("토큰", "token"),
    ("상태", "state"),
    ("유형", "학습 유형"),
    ("파서", "parser"),
    ("속성", "attribute"),
)


def _with_head_noun(answers: Sequence[str], prompt: str) -> list[str]:
    """A short answer's answers, then each followed by a noun of the kind the prompt asks
    for (``argmax 함수`` when it asks for a 함수): the answer and its kind, nothing else."""
    nouns = [noun for group in HEAD_NOUNS if any(n in prompt for n in group) for noun in group]
    return [*answers, *(f"{a} {noun}" for a in answers for noun in nouns)]

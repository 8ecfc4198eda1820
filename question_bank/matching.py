"""Typed answers judged as a fair Korean teacher would: short answers, cloze blanks, numbers.

One module, used by review, quiz, the mock exam, 오답노트 and ``quizapp bank try``.
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

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from .cloze import _DELETION as DELETION
from .glossary import Glossary, Swap, term_key
from .models import Cloze, Numeric, Reject, ShortAnswer

# Particles and copulas a student may leave after an answer; longest first.
PARTICLES = tuple(
    sorted(
        {
            *("이", "가", "은", "는", "을", "를", "의", "와", "과", "로", "으로", "에", "에서"),
            *("이다", "다", "입니다", "이요", "요", "이에요", "예요", "이죠", "죠", "임"),
            *("이라고", "라고", "이라는", "라는", "이라고요", "라고요", "이겠죠", "겠죠"),
            *("이라고합니다", "라고합니다", "이라고한다", "라고한다", "이었다", "였다"),
            *("입니다요", "이예요", "인듯", "인것같다", "인것같아요"),
        },
        key=len,
        reverse=True,
    )
)
_ENDINGS = frozenset(PARTICLES)
_EDGE = "\"'`‘’“”「」『』〈〉《》.,!?;:。、…~·"
_SPACE = re.compile(r"\s+")
_SPACE_BY_PUNCT = re.compile(r"\s*([^\w\s])\s*")
_NN_PREFIX = re.compile(r"^(?:torch\.)?nn\.")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])|(?<=[A-Z])(?=[A-Z][a-z])")
_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_NO_GLOSSARY = Glossary()
_RANK = ("exact", "spelling", "ending", "glossary")
_BOTH = re.compile(r"^(?P<a>[^()]+?)\s*\((?P<b>[^()]+)\)$")


@dataclass(frozen=True)
class Judgement:
    """The verdict on one typed answer (or, for a cloze, on all its blanks).

    ``how`` says why: ``exact``, ``spelling`` (spacing, case, punctuation, width),
    ``ending`` (a particle or copula left after the answer), ``glossary``, ``both``
    (``답 (answer)``), ``number`` (a unit or another form of the same number),
    ``choice`` (choices and true/false), ``rejected`` (a listed near miss, see ``why``),
    ``wrong``, ``empty``, or ``cloze`` (see ``blanks``).
    """

    correct: bool
    typed: str
    how: str
    matched: str | None = None  # the accepted answer (as the bank writes it) or value
    swaps: tuple[Swap, ...] = ()
    why: str | None = None
    blanks: tuple[Judgement, ...] = ()


def normal(text: str) -> str:
    """NFKC, case folded, white space collapsed, outer punctuation and quotes dropped,
    no white space beside punctuation, no ``nn.`` prefix and no trailing ``()``."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("−", "-")
    text = _HYPHEN.sub(" ", text)  # `early-stopping` is `early stopping`
    text = _SPACE.sub(" ", text).strip(_EDGE + " ")
    text = _SPACE_BY_PUNCT.sub(r"\1", text)
    text = _NN_PREFIX.sub("", text)
    return text.removesuffix("()").strip()


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
    return _Form(_SPACE.sub("", text), key, terms, split)


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


# -- numbers -------------------------------------------------------------------

_NUMBER = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?"
_PERCENT = ("%", "퍼센트", "프로", "percent")
# Counters and units a student writes after a count: they never change the value.
UNITS = tuple(
    sorted(
        {
            *("개", "개의", "가지", "번", "번째", "회", "차원", "층", "개층", "장", "명", "칸"),
            *("줄", "행", "열", "단계", "배", "쌍", "종류", "채널", "픽셀", "px", "바이트"),
            *("개씩", "에폭", "에포크", "epoch", "epochs", "steps", "step", "스텝", "배치"),
            *("bytes", "byte", "bit", "bits", "비트", "개수", "params", "파라미터", "초", "s"),
            *("gb", "mb", "kb", "기가바이트", "메가바이트", "킬로바이트", "바이트", "기가", "번의"),
        },
        key=len,
        reverse=True,
    )
)
_NATIVE = {
    **{"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8},
    **{"아홉": 9, "열": 10, "하나": 1, "둘": 2, "셋": 3, "넷": 4},
}
_NUMERIC = re.compile(
    rf"^(?P<num>{_NUMBER}|{'|'.join(sorted(_NATIVE, key=len, reverse=True))})"
    rf"(?P<unit>{'|'.join(re.escape(u) for u in (*_PERCENT, *UNITS))})?$"
)
_STANDALONE = ("하나", "둘", "셋", "넷")
_NONE = frozenset({"없음", "없다", "없습니다", "없어요", "none"})  # 0 of something
_NAMED = re.compile(r"^[a-z_][\w.\[\]()]*=")
_FRACTION = re.compile(r"^(?P<top>\d+)/(?P<bottom>\d+)$")
_KO_FRACTION = re.compile(r"^(?P<bottom>\d+)분의(?P<top>\d+)$")


@dataclass(frozen=True)
class ReadNumber:
    value: float
    plain: bool  # typed as a bare number, nothing to explain


def read_number(typed: str, *, ratio: bool = False, percent: bool = False) -> ReadNumber | None:
    """The number a student typed, or None. ``ratio`` also takes ``80%``, ``4/5`` and
    ``5분의 4`` as shares; ``percent`` takes ``80%`` as 80 (a number of percent)."""
    text = _SPACE.sub("", unicodedata.normalize("NFKC", typed).casefold().replace("−", "-"))
    text = text.strip(_EDGE.replace(".", "")).removesuffix(".")
    plain = text == _SPACE.sub("", typed)
    named = _NAMED.match(text)  # `w = 1.4`, `len(loader)=11`: the value after the name
    if named and _read(text[named.end() :]):
        text, plain = text[named.end() :], False
    if text in _NONE:
        return ReadNumber(0.0, False)
    for ending in PARTICLES:
        if text.endswith(ending) and len(text) > len(ending) and _read(text[: -len(ending)]):
            text, plain = text[: -len(ending)], False
            break
    read = _read(text, ratio=ratio, percent=percent)
    if read is None:
        return None
    value, bare = read
    return ReadNumber(value, plain and bare)


def _read(text: str, *, ratio: bool = True, percent: bool = True) -> tuple[float, bool] | None:
    if ratio:
        fraction = _FRACTION.match(text) or _KO_FRACTION.match(text)
        if fraction:
            bottom = int(fraction["bottom"])
            if bottom == 0:
                return None
            return float(Fraction(int(fraction["top"]), bottom)), False
    match = _NUMERIC.match(text)
    if not match:
        return None
    number, unit = match["num"], match["unit"]
    if number in _NATIVE:
        # 네 개, 세 번, 하나: a native Korean number needs a counter, except the four
        # that stand alone (네 alone is "yes")
        if unit in _PERCENT or (unit is None and number not in _STANDALONE):
            return None
        return float(_NATIVE[number]), False
    if not re.search(r"\d", number):
        return None
    value = float(number.replace(",", ""))
    if not math.isfinite(value):
        return None
    if unit in _PERCENT:
        if ratio:
            return value / 100, False
        if not percent:
            return None
    return value, unit is None


def number_text(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e15 else repr(value)


def judge_number(
    typed: str,
    answer: float,
    tolerance: float = 0.0,
    *,
    ratio: bool = False,
    percent: bool = False,
    rejects: Sequence[Reject] = (),
) -> Judgement:
    """A numeric answer: the typed value within ``tolerance`` of ``answer``."""
    if not normal(typed):
        return Judgement(False, typed, "empty")
    read = read_number(typed, ratio=ratio, percent=percent)
    if read is None:
        return Judgement(False, typed, "wrong")
    for reject in rejects:
        value = read_number(reject.answer, ratio=ratio, percent=percent)
        if value is not None and _close(read.value, value.value, 0.0):
            return Judgement(False, typed, "rejected", reject.answer, why=reject.why)
    if not _close(read.value, answer, tolerance):
        return Judgement(False, typed, "wrong", number_text(read.value))
    return Judgement(True, typed, "exact" if read.plain else "number", number_text(read.value))


def _close(value: float, answer: float, tolerance: float) -> bool:
    return abs(value - answer) <= tolerance + 1e-12 * max(1.0, abs(answer))


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

"""Numbers as students type them: a counter or unit after the number (``4개``), thousands
separators, ``4.0``; ``80%``, ``4/5`` and ``5분의 4`` where the item's form is a ratio.

Reads no item model, so that the models can check a numeric ``reject`` with
:func:`read_number` without an import cycle.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from .judgement import Judgement
from .normal import EDGE, PARTICLES, SPACE, normal

if TYPE_CHECKING:
    from ..models import Reject

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
    text = SPACE.sub("", unicodedata.normalize("NFKC", typed).casefold().replace("−", "-"))
    text = text.strip(EDGE.replace(".", "")).removesuffix(".")
    plain = text == SPACE.sub("", typed)
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


def numeric_correct(
    typed: str, answer: float, tolerance: float = 0.0, *, ratio: bool = False
) -> bool:
    """Whether ``typed`` is ``answer`` within ``tolerance``; a ``ratio`` answer may also be
    typed as a percentage or a fraction: see :func:`judge_number`."""
    return judge_number(typed, answer, tolerance, ratio=ratio).correct

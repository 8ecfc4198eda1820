"""Whether an answer is right, for every written item type, exactly as the bank format
defines it (docs/bank-format.md, "correct when"), and the answer as stored in the log.

A response is what the screen collected: the chosen choice (``str``) for
single choice, the chosen choices (a list) for multiple choice, ``bool`` or
typed text for true/false, typed text for short answers and numbers, and one
text per blank, in order, for a cloze.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

from ..glossary import Glossary
from ..models import (
    Cloze,
    Flashcard,
    Item,
    MultipleChoice,
    Numeric,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from .judgement import Judgement
from .normal import PARTICLES, normal, normalize
from .typed import judge_typed

Response = str | bool | int | float | Sequence[str]

_TRUE = {"true", "t", "o", "yes", "y", "1", "참", "맞다", "맞음", "예"}
_FALSE = {"false", "f", "x", "no", "n", "0", "거짓", "틀리다", "틀림", "아니오"}
# How students also write them (after punctuation, width and case are dropped).
_TRUE |= {"○", "⭕", "네", "맞습니다", "맞아요", "맞는다", "그렇다", "옳다", "옳음"}
_FALSE |= {"×", "✗", "❌", "아니요", "아니다", "틀립니다", "틀려요", "틀린다", "그르다", "아님"}


def _texts(response: Response) -> list[str]:
    if isinstance(response, str):
        return [response]
    if isinstance(response, bool | int | float):
        return [str(response)]
    return [str(part) for part in response]


def parse_true_false(response: Response) -> bool | None:
    if isinstance(response, bool):
        return response
    if not isinstance(response, str):
        return None
    word = normalize(response)
    for text in (word, normal(word)):
        for ending in ("", *PARTICLES):  # 참입니다, o요
            stem = text.removesuffix(ending) if ending else text
            if stem in _TRUE:
                return True
            if stem in _FALSE:
                return False
    return None


def check_answer(item: Item, response: Response, glossary: Glossary | None = None) -> bool:
    """True when ``response`` answers ``item`` correctly. Flashcards are self-rated:
    they have no right answer to check, so asking is a ValueError."""
    return judge(item, response, glossary).correct


def judge(item: Item, response: Response, glossary: Glossary | None = None) -> Judgement:
    """The verdict on ``response`` and how it was reached: typed answers go through
    :mod:`.typed` (with the bank's ``glossary``), choices are compared."""
    typed = logged_response(response)
    if isinstance(item, SingleChoice):
        right = isinstance(response, str) and response == item.answer
        return Judgement(right, typed, "choice" if right else "wrong")
    if isinstance(item, MultipleChoice):
        chosen = _texts(response)
        right = len(set(chosen)) == len(chosen) and set(chosen) == set(item.answers)
        return Judgement(right, typed, "choice" if right else "wrong")
    if isinstance(item, TrueFalse):
        right = parse_true_false(response) is item.answer
        return Judgement(right, typed, "choice" if right else "wrong")
    if isinstance(item, ShortAnswer):
        if not isinstance(response, str):
            return Judgement(False, typed, "wrong")
        return judge_typed(item, response, glossary)
    if isinstance(item, Numeric):
        return _judge_numeric(item, response)
    if isinstance(item, Cloze):
        return judge_typed(item, _texts(response), glossary)
    if isinstance(item, Flashcard):
        raise ValueError("flashcards are self-rated (Again/Hard/Good/Easy), not checked")
    raise ValueError(f"unknown item type {item.type!r}")


def _judge_numeric(item: Numeric, response: Response) -> Judgement:
    if isinstance(response, bool):
        return Judgement(False, logged_response(response), "wrong")
    if isinstance(response, int | float):
        if not math.isfinite(response):
            return Judgement(False, repr(response), "wrong")
        response = repr(float(response))
    if not isinstance(response, str):
        return Judgement(False, logged_response(response), "wrong")
    return judge_typed(item, response)


def logged_response(response: Response) -> str:
    """The answer as the review log keeps it: text as typed, a list as JSON."""
    if isinstance(response, bool):
        return "true" if response else "false"
    if isinstance(response, str):
        return response
    if isinstance(response, int | float):
        return repr(response)
    return json.dumps(list(response), ensure_ascii=False)


def expected_text(item: Item) -> str:
    """The right answer, as text to show after answering."""
    if isinstance(item, SingleChoice):
        return item.answer
    if isinstance(item, MultipleChoice | ShortAnswer):
        return " / ".join(item.answers)
    if isinstance(item, TrueFalse):
        return "O (true)" if item.answer else "X (false)"
    if isinstance(item, Numeric):
        value = f"{item.answer:g}"
        if item.form == "ratio":
            value += f" ({item.answer * 100:g}%)"
        return f"{value} ± {item.tolerance:g}" if item.tolerance else value
    if isinstance(item, Cloze):
        return " / ".join(" | ".join(blank.answers) for blank in item.blanks)
    return item.back

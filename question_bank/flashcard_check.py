"""`bank check`'s warning for a reversible flashcard whose back gives its front away.

Studied back → front, such a card answers itself: the back of ``MSE(평균 제곱 오차)``
that says ``nn.MSELoss()``, or the back of ``RAG`` that opens with
``Retrieval-Augmented Generation``. The front's key terms are its text outside and
inside parentheses (a question is not a term), with their glossary equivalents and,
for an acronym, the words whose initials spell it.
"""

from __future__ import annotations

import re
import unicodedata

from .bank_type import Bank
from .glossary import Glossary, term_key, term_regex
from .models import Flashcard
from .problems import Problem
from .said import said

_MARKUP = re.compile(r"[*`_'\"‘’“”]")
_PARTS = re.compile(r"[()（）/]")
_ACRONYM = re.compile(r"^[A-Za-z]{2,6}$")
_WORDS = re.compile(r"[A-Za-z]+")
_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NAME = re.compile(r"^[A-Za-z]{4,}$")
_SMALL = frozenset({"and", "of", "the", "for", "to", "in"})


def front_terms(front: str) -> list[str]:
    """The terms a reversible card's front names; none for a question. A name of several
    words also stands for its first word when that is a Latin name (``Nesterov`` for
    ``Nesterov Momentum``), and a hyphenated acronym for its parts (``TF-IDF``)."""
    text = unicodedata.normalize("NFKC", _MARKUP.sub("", front)).strip()
    if text.endswith("?") or "\n" in text:
        return []
    return [part.strip() for part in _PARTS.split(text) if len(part.strip()) >= 2]


def _literal_terms(term: str) -> list[str]:
    """Parts of a term that give it away on their own, taken literally (no glossary)."""
    words = term.split()
    found = [words[0]] if len(words) > 1 and _NAME.match(words[0]) else []
    pieces = term.split("-")
    if len(pieces) > 1 and all(_ACRONYM.match(p) and p.isupper() for p in pieces):
        found.extend(pieces)
    return found


def giveaway(card: Flashcard, glossary: Glossary) -> str | None:
    """The key term of ``card``'s front that its back contains, or None."""
    back = _CAMEL.sub(" ", unicodedata.normalize("NFKC", _MARKUP.sub(" ", card.back)))
    back = " ".join(_HYPHEN.sub(" ", back.casefold()).split())  # `MSELoss`: `MSE Loss`
    compact = back.replace(" ", "")
    for term in front_terms(card.front):
        spellings = [term]
        number = glossary.set_of(term)
        if number is not None:
            spellings += [t for t in glossary.sets[number].terms if t != term]
        for spelling in [*spellings, *_literal_terms(term)]:
            key = term_key(spelling)
            if len(key) >= 2 and key in compact and re.search(term_regex(key), back):
                return spelling
        if _ACRONYM.match(term) and sum(c.isupper() for c in term) >= 2:
            spelled = _spelled_out(term, card.back)
            if spelled:
                return spelled
    return None


def _spelled_out(acronym: str, back: str) -> str | None:
    """Words of ``back`` whose beginnings spell ``acronym``: Long Short-Term Memory (LSTM),
    Low-Rank Adaptation (LoRA), Facebook AI Similarity Search (FAISS), Reasoning and
    Acting (ReAct)."""
    words = [(m.group(0), m.start(), m.end()) for m in _WORDS.finditer(back)]
    for i in range(len(words)):
        end = _spell(acronym.casefold(), words, i)
        if end is not None and end - i >= 2:
            return back[words[i][1] : words[end - 1][2]]
    return None


def _spell(rest: str, words: list[tuple[str, int, int]], i: int) -> int | None:
    """The index after the last word used when ``words[i:]`` spell ``rest``, else None."""
    if not rest:
        return i
    if i >= len(words):
        return None
    word = words[i][0].casefold()
    for size in range(min(len(word), len(rest)), 0, -1):
        if rest.startswith(word[:size]):
            end = _spell(rest[size:], words, i + 1)
            if end is not None:
                return end
    if word in _SMALL and i > 0:
        return _spell(rest, words, i + 1)
    return None


def giveaway_warnings(bank: Bank) -> list[Problem]:
    """A warning for each reversible flashcard whose back contains its front's key term."""
    found: list[Problem] = []
    for item in bank.flashcards:
        if not isinstance(item, Flashcard) or not item.reverse:
            continue
        term = giveaway(item, bank.glossary)
        where = bank.where.get(item.id)
        if term is None or where is None:
            continue
        message = said(
            f"reversible flashcard {item.id!r}: its back contains {term!r}, the term its "
            "front asks for, so the reverse card answers itself; rewrite the back or "
            "drop `reverse: true`",
            f"양방향 플래시카드 {item.id!r}: 뒷면에 앞면이 묻는 용어 {term!r}가 들어 있어 "
            "뒤집은 카드가 스스로 답을 알려 줍니다; 뒷면을 고쳐 쓰거나 "
            "`reverse: true`를 빼세요",
        )
        found.append(Problem(where.path, where.line, message, severity="warning"))
    return found

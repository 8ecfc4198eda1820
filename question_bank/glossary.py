"""The bank-wide glossary: ``glossary.yaml`` in a bank folder, sets of equivalent terms.

Each entry is a list of terms that mean the same thing in a typed answer::

    - [망각 게이트, forget gate]
    - [교차 엔트로피, 크로스 엔트로피, cross entropy, CE]

Every typed answer (short answers and cloze blanks) is matched with the
glossary applied, so an author lists an alternative once for the whole bank
instead of on every item. A term stands for its set wherever it appears in an
answer, as a whole word for Latin letters (``lr`` never inside ``lrelu``) and
anywhere for Hangul (``교차엔트로피손실``). See docs/bank-format.md, "glossary.yaml".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .problems import Problem
from .said import said
from .yaml_lines import LineList, load_yaml

GLOSSARY_FILE = "glossary.yaml"
_SPACE = re.compile(r"\s+")
_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_WORD = re.compile(r"[a-z0-9_]")
_MARK = "\x00"  # wraps a set's number in a canonical form: never typed


def term_key(text: str) -> str:
    """How a glossary term is compared: NFKC, case folded, without white space or a
    hyphen between letters (``mini-batch`` is ``mini batch``, as typed answers read it)."""
    text = _HYPHEN.sub("", unicodedata.normalize("NFKC", text).casefold())
    return _SPACE.sub("", text)


@dataclass(frozen=True)
class TermSet:
    terms: tuple[str, ...]
    path: Path
    line: int

    def __str__(self) -> str:
        return " / ".join(self.terms)


@dataclass(frozen=True)
class Swap:
    """One glossary substitution used by a match: ``typed`` stands for ``accepted``."""

    typed: str
    accepted: str


@dataclass
class Glossary:
    """Every loaded set; terms are unique across sets (``bank check`` enforces it)."""

    sets: list[TermSet] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.sets)

    def __getstate__(self) -> dict[str, object]:
        return {"sets": self.sets}  # the compiled pattern is rebuilt on first use

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    @cached_property
    def _index(self) -> dict[str, int]:
        index: dict[str, int] = {}
        for number, entry in enumerate(self.sets):
            for term in entry.terms:
                index.setdefault(term_key(term), number)
        return index

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self._index:
            return None
        return re.compile(_trie_regex(sorted(self._index)))

    @cached_property
    def memo(self) -> dict[object, object]:
        """A place for the matcher to remember work on this glossary (never pickled)."""
        return {}

    @cached_property
    def _seen(self) -> dict[str, tuple[str, tuple[tuple[int, str], ...]]]:
        return {}  # canonical forms already worked out (bank answers recur)

    @cached_property
    def _spellings(self) -> dict[str, str]:
        return {term_key(t): t for entry in self.sets for t in entry.terms}

    def spelling(self, found: str) -> str:
        """A term as the glossary writes it (``CE``), from the text that matched (``ce``)."""
        return self._spellings.get(term_key(found), found)

    def set_of(self, term: str) -> int | None:
        return self._index.get(term_key(term))

    def canonical(self, text: str) -> tuple[str, tuple[tuple[int, str], ...]]:
        """``text`` (already normalised, white space kept) with every glossary term
        replaced by its set's mark and white space removed, and the terms replaced
        (set number, the text that stood there)."""
        seen = self._seen.get(text)
        if seen is not None:
            return seen
        pattern = self._pattern
        if pattern is None:
            return _SPACE.sub("", text), ()
        found: list[tuple[int, str]] = []

        def mark(match: re.Match[str]) -> str:
            number = self._index[_SPACE.sub("", match.group(0))]
            found.append((number, match.group(0).strip()))
            return f"{_MARK}{number}{_MARK}"

        result = _SPACE.sub("", pattern.sub(mark, text)), tuple(found)
        if len(self._seen) < 100_000:
            self._seen[text] = result
        return result


def _trie_regex(keys: list[str]) -> str:
    """One pattern for every term, as a trie (fast on hundreds of terms): white space
    allowed between characters, the longest term wins, whole words for Latin letters."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}  # a term ends here

    def branch(node: dict, last: str) -> str:  # type: ignore[type-arg]
        options = [rf"\s*{re.escape(ch)}{branch(child, ch)}" for ch, child in node.items() if ch]
        if "" in node:
            options.append(r"(?![a-z0-9_])" if _WORD.match(last) else "")
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    heads = []
    for ch, child in trie.items():
        guard = r"(?<![a-z0-9_])" if _WORD.match(ch) else ""
        heads.append(f"{guard}{re.escape(ch)}{branch(child, ch)}")
    return "|".join(heads)


def term_regex(key: str) -> str:
    """A term as a pattern: any white space between its characters, whole words for
    Latin letters and digits at its ends."""
    body = r"\s*".join(re.escape(ch) for ch in key)
    head = r"(?<![a-z0-9_])" if _WORD.match(key[0]) else ""
    tail = r"(?![a-z0-9_])" if _WORD.match(key[-1]) else ""
    return head + body + tail


def load_glossary(folder: Path) -> tuple[list[TermSet], list[Problem]]:
    """The sets of ``folder/glossary.yaml`` (none when absent) and the problems found
    in the file itself; across files and items: :func:`merge_sets` and
    :func:`question_bank.glossary_check.option_problems`."""
    path = folder / GLOSSARY_FILE
    if not path.exists():
        return [], []
    data, problems = load_yaml(path)
    if data is None:
        return [], problems
    if not isinstance(data, LineList):
        line = getattr(data, "line", 1)
        message = said(
            "glossary.yaml must be a list of term sets, e.g. - [망각 게이트, forget gate]",
            "용어집(glossary.yaml)은 용어 묶음의 목록이어야 합니다. "
            "예: `- [망각 게이트, forget gate]`",
        )
        return [], [*problems, Problem(path, line, message)]
    sets: list[TermSet] = []
    for i, raw in enumerate(data):
        line = data.line_of(i)
        wrong = _entry_problem(raw)
        if wrong is not None:
            problems.append(Problem(path, line, wrong))
            continue
        sets.append(TermSet(tuple(str(t).strip() for t in raw), path, line))
    return sets, problems


def _entry_problem(raw: object) -> str | None:
    """What is wrong with one entry of glossary.yaml, or None for a good set."""
    if not isinstance(raw, list):
        return said(
            "a glossary entry is a list of equivalent terms: [a, b]",
            "용어집 항목은 같은 뜻의 용어 목록입니다: `[a, b]`",
        )
    terms = [str(t).strip() for t in raw if isinstance(t, str | int | float)]
    if len(terms) != len(raw) or not all(terms):
        return said(
            "a glossary term must be non-empty text",
            "용어집의 용어는 비어 있지 않은 텍스트여야 합니다",
        )
    if len(terms) < 2:
        if terms:
            what = said(f"only {terms[0]!r}", f"{terms[0]!r} 하나뿐입니다")
        else:
            what = said("an empty set", "빈 묶음입니다")
        return said(
            f"a glossary set needs two or more terms, got {what}",
            f"용어 묶음에는 용어가 둘 이상 있어야 하는데 {what.ko}",
        )
    keys = [term_key(t) for t in terms]
    twice = [t for t, k in zip(terms, keys, strict=True) if keys.count(k) > 1]
    if twice:
        return said(
            f"{twice[0]!r} and {twice[1]!r} are one term (spacing and case do not count): keep one",
            f"{twice[0]!r}와 {twice[1]!r}는 같은 용어입니다 (띄어쓰기와 대소문자는 "
            "구별하지 않습니다): 하나만 남기세요",
        )
    return None


def merge_sets(sets: list[TermSet]) -> tuple[Glossary, list[Problem]]:
    """One glossary from every folder's sets; a term in two sets is reported at the
    second set's line, naming the first, and the second set is left out."""
    kept: list[TermSet] = []
    owner: dict[str, TermSet] = {}
    problems: list[Problem] = []
    for entry in sets:
        clash = next((t for t in entry.terms if term_key(t) in owner), None)
        if clash is not None:
            first = owner[term_key(clash)]
            at = f"{first.path}:{first.line}"
            message = said(
                f"term {clash!r} is already in the set at {at} ({first}); "
                "merge the two sets or drop one",
                f"용어 {clash!r}는 이미 {at}의 묶음({first})에 있습니다; "
                "두 묶음을 합치거나 하나를 빼세요",
            )
            problems.append(Problem(entry.path, entry.line, message))
            continue
        kept.append(entry)
        for term in entry.terms:
            owner[term_key(term)] = entry
    return Glossary(kept), problems

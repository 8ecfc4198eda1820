"""Similar submissions, found by winnowing fingerprints of normalised token streams.

The method is MOSS's: Schleimer, Wilkerson and Aiken, "Winnowing: local
algorithms for document fingerprinting" (SIGMOD 2003). Each submission becomes
a stream of Python tokens (the ``tokenize`` module) with comments and layout
dropped, every literal replaced by its kind and every name the student chose
(variables, parameters, functions, classes, attributes they assign, import
aliases) replaced by one placeholder — so renaming and reformatting change
nothing, while the library calls used (``nn.Conv2d``, ``view``) still count.
Every ``K``-token run is hashed, and in every window of ``W`` consecutive
hashes the smallest is kept: any shared run of ``K + W - 1`` tokens or more is
guaranteed to show up as a shared fingerprint.

Fingerprints of the task's starter code do not count, nor (as MOSS's ``-m``)
those that most of the class shares: what everybody writes says nothing about
two students. The figure is the Dice coefficient of two fingerprint sets; it is
a pointer for a teacher to read two files side by side, never a verdict.
"""

from __future__ import annotations

import ast
import hashlib
import io
import keyword
import token
import tokenize
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

K = 12  # tokens per hashed run (the noise threshold: shorter matches are ignored)
W = 6  # window: a shared run of K + W - 1 = 17 tokens is always detected
MIN_FINGERPRINTS = 12  # a reference solution must add this many beyond the starter
COMMON_SHARE = 0.5  # fingerprints in more than this share of submissions are common idiom
COMMON_MIN_FILES = 5  # …counted only when the class has at least this many submissions
DEFAULT_THRESHOLD = 0.6  # independent solutions in one style reach about 0.5 (see the tests)

_DROPPED = {
    token.COMMENT,
    token.NL,
    token.NEWLINE,
    token.INDENT,
    token.DEDENT,
    token.ENCODING,
    token.ENDMARKER,
}
_LITERALS = {token.NUMBER: "#num", token.STRING: "#str"}


class Untokenizable(ValueError):
    """The file is not Python the tokenizer can read (the message says where)."""


@dataclass(frozen=True)
class Tok:
    text: str
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Fingerprints:
    tokens: tuple[Tok, ...]
    at: dict[int, tuple[int, ...]]  # fingerprint -> start indices of its K-token runs

    def __len__(self) -> int:
        return len(self.at)


@dataclass(frozen=True)
class Fragment:
    """A shared stretch: lines ``a_lines`` of the first file ~ ``b_lines`` of the second."""

    a_lines: tuple[int, int]
    b_lines: tuple[int, int]


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    similarity: float  # Dice: 2 |A ∩ B| / (|A| + |B|)
    a_share: float  # share of a's fingerprints found in b
    b_share: float
    fragments: tuple[Fragment, ...]


def chosen_names(source: str) -> set[str]:
    """Names the author chose: what they bind, define or assign as an attribute."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return set()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.alias) and node.asname:
            names.add(node.asname)
    return names - {"self", "cls"}


def normalised_tokens(source: str) -> tuple[Tok, ...]:
    """The token stream that fingerprints are taken of (see the module's docstring)."""
    chosen = chosen_names(source)
    found = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type in _DROPPED:
                continue
            if tok.type in _LITERALS:
                text = _LITERALS[tok.type]
            elif tok.type == token.NAME and not keyword.iskeyword(tok.string):
                text = "#name" if tok.string in chosen or not chosen else tok.string
            else:
                text = tok.string
            found.append(Tok(text, tok.start[0], tok.end[0]))
    except (tokenize.TokenError, SyntaxError) as exc:
        raise Untokenizable(str(exc)) from None
    return tuple(found)


def _hash(run: tuple[Tok, ...]) -> int:
    digest = hashlib.blake2b("\x1f".join(t.text for t in run).encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big")


def kgram_hashes(tokens: tuple[Tok, ...]) -> list[int]:
    return [_hash(tokens[i : i + K]) for i in range(len(tokens) - K + 1)]


def winnow(hashes: list[int]) -> list[int]:
    """Positions selected by winnowing: the rightmost minimum of every window of W hashes,
    each position once."""
    if not hashes:
        return []
    if len(hashes) <= W:
        return [min(range(len(hashes)), key=lambda i: (hashes[i], -i))]
    chosen: list[int] = []
    for start in range(len(hashes) - W + 1):
        best = min(range(start, start + W), key=lambda i: (hashes[i], -i))
        if not chosen or chosen[-1] != best:
            chosen.append(best)
    return chosen


def fingerprint(source: str, ignore: frozenset[int] = frozenset()) -> Fingerprints:
    """Winnowed fingerprints of ``source``, leaving out the hashes in ``ignore``."""
    tokens = normalised_tokens(source)
    hashes = kgram_hashes(tokens)
    at: dict[int, list[int]] = {}
    for i in winnow(hashes):
        if hashes[i] not in ignore:
            at.setdefault(hashes[i], []).append(i)
    return Fingerprints(tokens, {h: tuple(p) for h, p in at.items()})


def starter_hashes(starter: str) -> frozenset[int]:
    """Every K-token run of the starter (not only its winnowed ones): none of it counts."""
    try:
        return frozenset(kgram_hashes(normalised_tokens(starter)))
    except Untokenizable:
        return frozenset()


def distinctive_size(solution: str, starter: str) -> int:
    """How many fingerprints the reference solution has beyond its starter: whether a
    task's solutions are long enough to tell apart."""
    return len(fingerprint(solution, starter_hashes(starter)))


def long_enough(solution: str, starter: str) -> bool:
    return distinctive_size(solution, starter) >= MIN_FINGERPRINTS


def _lines(fp: Fingerprints, start: int) -> tuple[int, int]:
    return fp.tokens[start].first_line, fp.tokens[start + K - 1].last_line


def _fragments(a: Fingerprints, b: Fingerprints, shared: set[int]) -> tuple[Fragment, ...]:
    """Shared fingerprints grouped into stretches that run in step in both files."""
    matches = sorted((pa, pb) for h in shared for pa in a.at[h] for pb in b.at[h])
    runs: list[list[tuple[int, int]]] = []
    for pa, pb in matches:
        for run in runs:
            last_a, last_b = run[-1]
            if 0 <= pa - last_a <= K + W and 0 <= pb - last_b <= K + W:
                run.append((pa, pb))
                break
        else:
            runs.append([(pa, pb)])
    fragments = []
    for run in runs:
        (a0, b0), (a1, b1) = run[0], run[-1]
        fragments.append(
            Fragment((_lines(a, a0)[0], _lines(a, a1)[1]), (_lines(b, b0)[0], _lines(b, b1)[1]))
        )
    kept = [f for f in set(fragments) if not any(_inside(f, g) for g in fragments if g != f)]
    return tuple(sorted(kept, key=lambda f: (f.a_lines, f.b_lines)))


def _inside(f: Fragment, g: Fragment) -> bool:
    """``f`` adds nothing to ``g``: both its line ranges lie within ``g``'s."""
    return (
        g.a_lines[0] <= f.a_lines[0] <= f.a_lines[1] <= g.a_lines[1]
        and g.b_lines[0] <= f.b_lines[0] <= f.b_lines[1] <= g.b_lines[1]
    )


def compare(name_a: str, a: Fingerprints, name_b: str, b: Fingerprints) -> Pair:
    shared = set(a.at) & set(b.at)
    total = len(a) + len(b)
    return Pair(
        name_a,
        name_b,
        similarity=2 * len(shared) / total if total else 0.0,
        a_share=len(shared) / len(a) if len(a) else 0.0,
        b_share=len(shared) / len(b) if len(b) else 0.0,
        fragments=_fragments(a, b, shared),
    )


def common_hashes(prints: Mapping[str, Fingerprints]) -> frozenset[int]:
    """Fingerprints that most submissions share (only said of a class of some size)."""
    if len(prints) < COMMON_MIN_FILES:
        return frozenset()
    counts = Counter(h for fp in prints.values() for h in fp.at)
    return frozenset(h for h, n in counts.items() if n > COMMON_SHARE * len(prints))


def _without(fp: Fingerprints, hashes: frozenset[int]) -> Fingerprints:
    return Fingerprints(fp.tokens, {h: p for h, p in fp.at.items() if h not in hashes})


@dataclass(frozen=True)
class Comparison:
    """Every pair of a class's submissions, and the files that could not be read."""

    pairs: tuple[Pair, ...]  # most similar first
    unreadable: dict[str, str]  # file -> why

    def above(self, threshold: float) -> list[Pair]:
        return [p for p in self.pairs if p.similarity >= threshold]

    def closest(self, name: str) -> Pair | None:
        """The pair with ``name`` whose similarity is highest."""
        return next((p for p in self.pairs if name in (p.a, p.b)), None)


def compare_all(sources: Mapping[str, str], starter: str) -> Comparison:
    """Fingerprint every submission (``{file name: source}``) and compare each pair."""
    ignore = starter_hashes(starter)
    prints: dict[str, Fingerprints] = {}
    unreadable: dict[str, str] = {}
    for name, source in sources.items():
        try:
            prints[name] = fingerprint(source, ignore)
        except Untokenizable as exc:
            unreadable[name] = str(exc)
    common = common_hashes(prints)
    prints = {name: _without(fp, common) for name, fp in prints.items()}
    pairs = [compare(a, prints[a], b, prints[b]) for a, b in combinations(sorted(prints), 2)]
    pairs.sort(key=lambda p: (-p.similarity, p.a, p.b))
    return Comparison(tuple(pairs), unreadable)

"""Drawing an attempt's questions: random, reproducible from the attempt's seed, and
avoiding what the student saw in their last attempts where the pool allows."""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from question_bank import Bank, Blueprint, Item, Section, SyllabusEntry, Task
from question_bank.kinds import entry_of, family_of

from ..study.choices import shuffled

Kind = Literal["written", "task"]


@dataclass(frozen=True)
class Question:
    index: int  # position in the attempt, 0-based
    section: int  # index of the blueprint section it was drawn for
    item_id: str  # a written item's or a task's id
    kind: Kind


def _pick(pool: Sequence[str], count: int, rng: random.Random, avoid: Collection[str]) -> list[str]:
    """``count`` ids from ``pool``: unseen ones first, then seen ones, in random order."""
    fresh = [i for i in pool if i not in avoid]
    stale = [i for i in pool if i in avoid]
    if len(fresh) >= count:
        return rng.sample(fresh, count)
    chosen = fresh + rng.sample(stale, min(count - len(fresh), len(stale)))
    rng.shuffle(chosen)
    return chosen


def new_seed() -> int:
    """The seed of a new attempt (or preview) when none is given."""
    return secrets.randbits(48)


def _weighted(options: Sequence[str], weight: Callable[[str], float], rng: random.Random) -> str:
    return rng.choices(list(options), weights=[weight(o) for o in options])[0]


def _pick_spread(
    pool: Sequence[Item | Task],
    count: int,
    rng: random.Random,
    avoid: Collection[str],
    weights: Mapping[str, float],
    distinct: bool,
) -> list[str]:
    """``count`` ids one at a time, each by weight among the unseen ones (the seen ones when
    none is left); with ``distinct``, a drawn question's family leaves the pool — unless
    that leaves too few, when the rest come from the other families' leftovers (a section
    always draws its ``count`` when the pool holds that many)."""
    left = list(pool)
    chosen: list[str] = []
    while len(chosen) < count:
        if not left:
            left = [q for q in pool if q.id not in chosen]
            distinct = False
            if not left:
                break
        fresh = [q.id for q in left if q.id not in avoid] or [q.id for q in left]
        picked = _weighted(fresh, lambda i: weights.get(i, 1), rng)
        chosen.append(picked)
        family = next(family_of(q) for q in left if q.id == picked)
        left = [
            q
            for q in left
            if q.id != picked and not (distinct and family is not None and family_of(q) == family)
        ]
    return chosen


def _pick_stratified(
    pool: Sequence[Item],
    count: int,
    rng: random.Random,
    avoid: Collection[str],
    section: Section,
    syllabus: Sequence[SyllabusEntry],
) -> list[str]:
    """``count`` written items spread over the syllabus entries: every entry once when
    ``count`` allows (else ``count`` entries by weight), the rest by the entries' weights;
    in syllabus order, random within an entry."""
    titles = [entry.title for entry in syllabus]
    strata: dict[str, list[Item]] = {title: [] for title in titles}
    homeless: list[Item] = []
    for item in pool:
        entry = entry_of(item.pages, syllabus)
        (strata[entry.title] if entry is not None else homeless).append(item)
    weights = section.weights or {}
    distinct = section.distinct == "family"
    chosen: dict[str, str] = {}  # id -> entry title
    families: set[str | None] = set()

    def candidates(title: str) -> list[Item]:
        return [
            i
            for i in strata[title]
            if i.id not in chosen and not (distinct and family_of(i) in families)
        ]

    def take(title: str) -> None:
        found = candidates(title)
        fresh = [i for i in found if i.id not in avoid] or found
        if fresh:
            item = rng.choice(fresh)
            chosen[item.id] = title
            families.add(family_of(item))

    live = [t for t in titles if strata[t]]
    if count >= len(live):
        first = live[:]
        rng.shuffle(first)
    else:
        first = []
        while len(first) < count:
            first.append(
                _weighted([t for t in live if t not in first], lambda t: weights.get(t, 1), rng)
            )
    for title in first:
        take(title)
    while len(chosen) < count:
        open_ = [t for t in live if candidates(t)]
        if not open_:
            break
        take(_weighted(open_, lambda t: weights.get(t, 1), rng))
    if len(chosen) < count:  # the items outside every entry fill what is still missing
        rest = [i for i in homeless if not (distinct and family_of(i) in families)]
        for item_id in _pick(sorted(i.id for i in rest), count - len(chosen), rng, avoid):
            chosen[item_id] = ""
    order = {title: n for n, title in enumerate(titles)}
    return sorted(chosen, key=lambda i: order.get(chosen[i], len(order)))


def draw_questions(
    blueprint: Blueprint, bank: Bank, seed: int, recent: Collection[str] = ()
) -> list[Question]:
    """The questions of an attempt, section by section.

    The same blueprint, bank, seed and ``recent`` set always give the same
    questions. ``recent`` holds the ids seen in the student's last attempts of
    this blueprint: they are drawn only when the pool has too few others. An
    item is never drawn twice in one attempt. A section with ``distinct:
    family`` draws nothing of a family drawn before it in the attempt (nor two
    of one family itself); ``weights`` make some choices likelier; a written
    section with ``stratify: syllabus`` spreads over the syllabus entries.
    """
    drawn: list[Question] = []
    taken: set[str] = set()
    families: dict[Kind, set[str]] = {"written": set(), "task": set()}
    for s, section in enumerate(blueprint.sections):
        rng = random.Random(f"{seed}:{blueprint.id}:{s}")
        pool: list[Item | Task]
        if section.kind == "written":
            pool = sorted(
                (i for i in bank.written_pool(section) if i.id not in taken), key=lambda i: i.id
            )
            kind: Kind = "written"
        else:
            pool = [t for t in bank.task_pool(section) if t.id not in taken]
            if section.tasks is None:
                pool.sort(key=lambda t: t.id)
            kind = "task"
        distinct = section.distinct == "family"
        if distinct:
            unused = [q for q in pool if family_of(q) not in families[kind]]
            # too few unused families left: the section still draws its count
            pool = unused if len(unused) >= section.size() else pool
        weights = section.weights or {}
        if section.practical and section.tasks is not None and section.count is None:
            ids = [q.id for q in pool]  # every listed task, in the blueprint's order
        elif section.stratify == "syllabus":
            items = [q for q in pool if not isinstance(q, Task)]
            ids = _pick_stratified(items, section.size(), rng, set(recent), section, bank.syllabus)
        elif weights or distinct:
            ids = _pick_spread(pool, section.size(), rng, set(recent), weights, distinct)
        else:
            ids = _pick([q.id for q in pool], section.size(), rng, set(recent))
        by_id = {q.id: q for q in pool}
        for item_id in ids:
            drawn.append(Question(len(drawn), s, item_id, kind))
            taken.add(item_id)
            family = family_of(by_id[item_id])
            if family is not None:
                families[kind].add(family)
    return drawn


def shuffled_choices(choices: Sequence[str], seed: int, item_id: str) -> list[str]:
    """The order an attempt shows an item's choices in: shuffled, reproducible per attempt."""
    return shuffled(choices, seed, item_id, "choices")

"""Drawing an attempt's questions: random, reproducible from the attempt's seed, and
avoiding what the student saw in their last attempts where the pool allows."""

from __future__ import annotations

import random
import secrets
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from question_bank import Bank, Blueprint

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


def draw_questions(
    blueprint: Blueprint, bank: Bank, seed: int, recent: Collection[str] = ()
) -> list[Question]:
    """The questions of an attempt, section by section.

    The same blueprint, bank, seed and ``recent`` set always give the same
    questions. ``recent`` holds the ids seen in the student's last attempts of
    this blueprint: they are drawn only when the pool has too few others. An
    item is never drawn twice in one attempt.
    """
    drawn: list[Question] = []
    taken: set[str] = set()
    for s, section in enumerate(blueprint.sections):
        rng = random.Random(f"{seed}:{blueprint.id}:{s}")
        if section.kind == "written":
            pool = sorted(i.id for i in bank.written_pool(section) if i.id not in taken)
            kind: Kind = "written"
        else:
            pool = [t.id for t in bank.task_pool(section) if t.id not in taken]
            if section.tasks is None:
                pool.sort()
            kind = "task"
        if section.kind == "practical" and section.tasks is not None and section.count is None:
            ids = pool  # every listed task, in the blueprint's order
        else:
            ids = _pick(pool, section.size(), rng, set(recent))
        for item_id in ids:
            drawn.append(Question(len(drawn), s, item_id, kind))
            taken.add(item_id)
    return drawn


def shuffled_choices(choices: Sequence[str], seed: int, item_id: str) -> list[str]:
    """The order an attempt shows an item's choices in: shuffled, reproducible per attempt."""
    return shuffled(choices, seed, item_id, "choices")

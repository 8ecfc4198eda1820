"""Readiness for a dated exam: what the student would score on the mock blueprint if the
exam were taken on the exam day with what they know now.

- **Written items**: each item's predicted recall on the exam day is the FSRS forgetting
  curve of its card, projected from the card's last review to the exam (no further study
  assumed: the plan adds what tonight's work is worth). An item answered right has
  probability ``guess + (1 − guess) × recall`` — a single-choice item can be guessed.
- **Weights**: a blueprint section drawing ``count`` of the ``n`` items of its pool gives
  each item the weight ``count / n × points_each``: the expected written score is the sum of
  weight × P(right), split per syllabus entry by the item's pages.
- **Practical tasks**: a task's expected share of its points comes from the student's own
  submissions: the best score, kept in full while the task's card is remembered and half of
  it when forgotten, a little less while the last attempt's failure is still open; a task
  never tried earns :data:`UNTRIED_SHARE`.
- **Range**: the 10th and 90th percentiles of the total over sampled sittings (the draw of
  the blueprint, then each question right or wrong with its probability, each task passed
  or earning the partial credit of an untried one).

Plain Python over plain values (no store, no Textual, no torch), so that the planner and
the simulation (``bench/bench_exam_plan.py``) use the very same model.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from question_bank import Blueprint, Item

from ..store import Schedule, Submission
from .cards import Catalogue
from .mastery import PageIndex
from .scheduler import StudyScheduler

UNTRIED_SHARE = 0.2  # a task never attempted: some checks pass on what the course taught
KEPT_WHEN_FORGOTTEN = 0.5  # share of a task's best score kept when its card is forgotten
OPEN_FAILURE = 0.9  # factor while the last attempt failed after the best one
SAMPLES = 1000
LOW_PERCENTILE, HIGH_PERCENTILE = 10, 90


def guess_chance(item: Item) -> float:
    """Probability of answering right without knowing: 1/k for single choice, ½ for true or
    false, one subset of 2^k − 1 for multiple choice, none for typed answers."""
    kind = item.type
    if kind == "true_false":
        return 0.5
    count = len(getattr(item, "choices", None) or ())
    if count and kind == "single_choice":
        return 1.0 / count
    if count and kind == "multiple_choice":
        return 1.0 / ((1 << count) - 1)  # one of the 2^k - 1 non-empty subsets
    return 0.0


def choose_blueprint(exams: Mapping[str, Blueprint]) -> Blueprint | None:
    """The mock exam to plan for: the blueprint with the most points (the full mock exam,
    not a drill); the first of equals."""
    best: Blueprint | None = None
    for blueprint in exams.values():
        if best is None or blueprint.max_points > best.max_points:
            best = blueprint
    return best


@dataclass(frozen=True)
class TaskRecord:
    """What the submissions of one task say: the best share of its points, and whether a
    failure is still open — the latest attempt failed with a diagnosed mistake, or below the
    best one (nothing passed since)."""

    best: float
    open_failure: bool

    @staticmethod
    def of(submissions: Sequence[Submission]) -> TaskRecord | None:
        """From one task's submissions (any order); None when there are none."""
        if not submissions:
            return None
        ordered = sorted(submissions, key=lambda s: (s.submitted_at, s.id))
        shares = [s.score / s.max_score if s.max_score > 0 else 0.0 for s in ordered]
        best = max(shares)
        latest = ordered[-1]
        open_failure = not latest.passed and (bool(latest.result.diagnoses) or shares[-1] < best)
        return TaskRecord(best, open_failure)


def task_records(submissions: Sequence[Submission]) -> dict[str, TaskRecord]:
    by_task: dict[str, list[Submission]] = {}
    for s in submissions:
        by_task.setdefault(s.task_id, []).append(s)
    return {t: r for t, subs in by_task.items() if (r := TaskRecord.of(subs)) is not None}


@dataclass(frozen=True)
class Section:
    """One blueprint section as the model sees it: its pool and the points per question."""

    title: str
    kind: str  # "written" or "practical"
    pool: tuple[str, ...]
    size: int
    points_each: float

    @property
    def weight(self) -> float:
        """Expected points an item of the pool is worth (drawn with probability size/n)."""
        return self.size / len(self.pool) * self.points_each if self.pool else 0.0

    @property
    def max_points(self) -> float:
        return min(self.size, len(self.pool)) * self.points_each


@dataclass(frozen=True)
class Prediction:
    total: float
    low: float
    high: float
    max_points: float
    by_entry: dict[str, tuple[float, float]]  # syllabus title -> (expected, max)
    by_kind: dict[str, tuple[float, float]]  # section title -> (expected, max)
    chance: dict[str, float] = field(repr=False)  # item or task id -> P(right) or share

    def percent(self, points: float) -> float:
        return 100.0 * points / self.max_points if self.max_points else 0.0


@dataclass(frozen=True)
class MemoryState:
    """The student's state as the model reads it: each card's schedule (absent: never
    studied) and each task's record."""

    schedules: Mapping[str, Schedule]
    tasks: Mapping[str, TaskRecord]


class ExamModel:
    """The mock blueprint's pools and weights over one bank, built once per bank."""

    def __init__(
        self, catalogue: Catalogue, blueprint: Blueprint, scheduler: StudyScheduler
    ) -> None:
        bank = catalogue.bank
        self.catalogue = catalogue
        self.blueprint = blueprint
        self.scheduler = scheduler
        self.sections: list[Section] = []
        taken: set[str] = set()
        for s in blueprint.sections:
            if s.kind == "written":
                pool = sorted(i.id for i in bank.written_pool(s) if i.id not in taken)
            else:
                pool = [t.id for t in bank.task_pool(s) if t.id not in taken]
            taken.update(pool)
            self.sections.append(Section(s.title, s.kind, tuple(pool), s.size(), s.points_each))
        self.weight: dict[str, float] = {}
        for section in self.sections:
            for item_id in section.pool:
                self.weight[item_id] = self.weight.get(item_id, 0.0) + section.weight
        self.guess = {
            item_id: guess_chance(bank.items[item_id])
            for item_id in self.weight
            if item_id in bank.items
        }
        self.task_ids = [t for t in self.weight if t in bank.tasks]
        self.max_points = sum(s.max_points for s in self.sections)
        index = PageIndex(catalogue)
        self.entries: list[tuple[str, set[str]]] = []
        share: dict[str, int] = {}
        for entry, items in zip(index.syllabus, getattr(index, "of_entry", []), strict=False):
            counted = {i for i in items if i in self.guess}
            self.entries.append((entry.title, counted))
            for i in counted:
                share[i] = share.get(i, 0) + 1
        self.entry_share = share

    # -- one item ------------------------------------------------------------------

    def recall(self, schedule: Schedule | None, at: datetime) -> float:
        return self.scheduler.recall(schedule, at)

    def right(self, item_id: str, recall: float) -> float:
        """P(right) of a written item the student recalls with probability ``recall``."""
        g = self.guess.get(item_id, 0.0)
        return g + (1.0 - g) * recall

    def task_share(self, record: TaskRecord | None, recall: float) -> float:
        """Expected share of a task's points on the exam day."""
        if record is None:
            return UNTRIED_SHARE
        kept = record.best * (KEPT_WHEN_FORGOTTEN + (1 - KEPT_WHEN_FORGOTTEN) * recall)
        if record.open_failure:
            kept *= OPEN_FAILURE
        return max(UNTRIED_SHARE, kept)

    def chances(self, state: MemoryState, exam_at: datetime) -> dict[str, float]:
        """P(right) of every written item in the blueprint, share of every task."""
        found: dict[str, float] = {}
        for item_id in self.weight:
            recall = self.recall(state.schedules.get(item_id), exam_at)
            if item_id in self.guess:
                found[item_id] = self.right(item_id, recall)
            else:
                found[item_id] = self.task_share(state.tasks.get(item_id), recall)
        return found

    # -- the whole exam ------------------------------------------------------------

    def predict(
        self, state: MemoryState, exam_at: datetime, *, samples: int = SAMPLES, seed: int = 0
    ) -> Prediction:
        chance = self.chances(state, exam_at)
        by_kind: dict[str, tuple[float, float]] = {}
        total = 0.0
        for section in self.sections:
            expected = sum(section.weight * chance[i] for i in section.pool)
            old = by_kind.get(section.title, (0.0, 0.0))
            by_kind[section.title] = (old[0] + expected, old[1] + section.max_points)
            total += expected
        by_entry: dict[str, tuple[float, float]] = {}
        for title, items in self.entries:
            expected = sum(self.weight[i] * chance[i] / self.entry_share[i] for i in items)
            most = sum(self.weight[i] / self.entry_share[i] for i in items)
            by_entry[title] = (expected, most)
        low, high = self._range(chance, samples, seed)
        return Prediction(total, low, high, self.max_points, by_entry, by_kind, chance)

    def _range(self, chance: Mapping[str, float], samples: int, seed: int) -> tuple[float, float]:
        """10th and 90th percentiles of the score over sampled sittings."""
        if samples <= 0:
            return 0.0, 0.0
        totals = self.sample_totals(chance, samples, seed)
        return percentile(totals, LOW_PERCENTILE), percentile(totals, HIGH_PERCENTILE)

    def sample_totals(self, chance: Mapping[str, float], samples: int, seed: int) -> list[float]:
        """Sorted scores of ``samples`` sittings: the blueprint's draw, then each written
        question right with its probability, and each task passed (all its points) or not
        (the partial credit of an untried task), with the task's expected share kept."""
        rng = random.Random(seed)
        totals: list[float] = []
        for _ in range(samples):
            score = 0.0
            for section in self.sections:
                if not section.pool:
                    continue
                drawn = rng.sample(section.pool, min(section.size, len(section.pool)))
                for item_id in drawn:
                    p = chance[item_id]
                    if item_id in self.guess:
                        score += section.points_each if rng.random() < p else 0.0
                    else:
                        passed = (p - UNTRIED_SHARE) / (1 - UNTRIED_SHARE)
                        share = 1.0 if rng.random() < passed else UNTRIED_SHARE
                        score += section.points_each * share
            totals.append(score)
        totals.sort()
        return totals


def percentile(ordered: Sequence[float], p: float) -> float:
    """The ``p``-th percentile of sorted values (linear interpolation)."""
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)

"""Exam-day simulation: does tonight's plan (``quizapp plan``) beat Anki's order?

Synthetic students study the bundled bank for D days with M minutes a day, then sit the
mock exam (the blueprint ``quizapp plan`` plans for). Each student follows, as issue 25
states the rules:

(a) Anki's default order — FSRS at desired retention 0.9, due reviews first, then 20 new cards a day in bank order, stop at M minutes
(b) the plan, with the same minutes

(a) is the app's own scheduler (the ``fsrs`` library, desired retention 0.9, learning steps
1 and 10 minutes, no fuzz); the deck is every written item and flashcard of the bank in bank
order (what `quizapp review` shows and `quizapp export anki` exports; tasks are not Anki
cards). (b) is each evening's :class:`quizapp.study.planner.Planner` for M minutes, done in
its order. Both use the same student (the same seed: the same memory, the same luck), and a
session stops once M minutes have passed (the card under way is finished).

The memory is FSRS-6, the ``fsrs`` library's own model, with variation: each student's
true parameters are the defaults with the initial stabilities (w0–w3), the growth on
success (w8) and the stability after a lapse (w11) scaled by a random factor per
student; each item is easier or harder by a factor on its stability (per item, the same
for everyone, times a smaller one per student). A review recalls with the true
retrievability; a recalled card is rated Hard, Good or Easy (15/75/10 %), a forgotten one
Again and relearned ten minutes later. The app's scheduler sees only the ratings and
keeps its default parameters — as a real student's app does.

Time: a view of a written item takes 40 s, a flashcard 15 s, each times a random factor
(log-normal, σ 0.3); a new card 2.5 views; a missed review a second view; a function task
15 min and a training task 25 min. A task is passed with chance 0.6 the first time, then
with ½ + ½ × its true retrievability; a failed attempt keeps 40 % of the points.

The score is the expected score on the exam day (09:00 after the last evening): every
written item of the blueprint's pool weighs count/n × points and is right with
``guess + (1 − guess) × true recall``; a task earns its share as the readiness model
counts it (never tried: 20 %). Scores are in percent of the exam's points, with the 95 %
confidence interval of the mean over students.

Scenarios: 14 days × 30 min from nothing, and 7 days × 60 min half-studied (the first half
of the deck learned evenly over the 28 days before, with every review on its due day).

Two ablations are reported besides: the plan without practical tasks (what its choice of
written items alone is worth, since the task outcomes above follow the readiness model's
own assumptions), and Anki's order without the 20-a-day limit on new cards (it then uses
every minute, as the plan does).

The calibration table compares, at the exam, the readiness model's predicted recall of
each studied exam item (the app's schedule) with its true recall (the student's memory).

Run: ``python bench/bench_exam_plan.py [--students N] [--json]``. Prints numbers; asserts
nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from fsrs import Card, Rating, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS

from question_bank import load_bank
from quizapp.store import Schedule
from quizapp.study import Catalogue, StudyScheduler
from quizapp.study.planner import (
    FIRST_PASS_CHANCE,
    NEW_VIEWS,
    TASK_MINUTES,
    TRAINING_MINUTES,
    Activity,
    PlanInput,
    Planner,
    Timing,
)
from quizapp.study.readiness import (
    UNTRIED_SHARE,
    ExamModel,
    MemoryState,
    TaskRecord,
    choose_blueprint,
)

START = datetime(2026, 11, 1, 4, 0, tzinfo=UTC)  # a study day's start (UTC as local time)
EVENING = timedelta(hours=15)  # sessions start at 19:00
EXAM_AFTER_DAY_START = timedelta(hours=5)
NEW_PER_DAY = 20
VIEW_SECONDS = {"written": 40.0, "flashcard": 15.0}
TIME_SIGMA = 0.3
RATED = ((Rating.Hard, 0.15), (Rating.Good, 0.75), (Rating.Easy, 0.10))
FAILED_SHARE = 0.4
HISTORY_DAYS = 28
STEP = timedelta(minutes=10)


@dataclass(frozen=True)
class Scenario:
    name: str
    days: int
    minutes: float
    half_studied: bool


SCENARIOS = (
    Scenario("14 days x 30 min, from nothing", 14, 30, False),
    Scenario("7 days x 60 min, half-studied", 7, 60, True),
)


@dataclass
class World:
    """What every student shares: the bank, the deck, the model and the item factors."""

    catalogue: Catalogue
    model: ExamModel
    planner: Planner
    written_planner: Planner
    app: StudyScheduler
    deck: list[str]  # Anki's deck in bank order
    kind: dict[str, str]
    item_factor: dict[str, float]


def build_world(seed: int) -> World:
    bank = load_bank()
    catalogue = Catalogue(bank)
    blueprint = choose_blueprint(bank.exams)
    assert blueprint is not None, "the bundled bank has no blueprint"
    app = StudyScheduler(fuzz=False)
    model = ExamModel(catalogue, blueprint, app)
    rng = random.Random(f"items:{seed}")
    deck = [c.card_id for c in catalogue.cards if c.kind != "task"]
    kind = {c.card_id: c.kind for c in catalogue.cards}
    factor = {c.card_id: math.exp(rng.gauss(0, 0.35)) for c in catalogue.cards}
    timing = Timing({k: s / 60 for k, s in VIEW_SECONDS.items()} | {"task": 40 / 60})
    return World(
        catalogue,
        model,
        Planner(model, timing),
        WrittenOnly(model, timing),
        app,
        deck,
        kind,
        factor,
    )


class WrittenOnly(Planner):
    """The plan without practical tasks: the ablation that shows what the plan's choice of
    written items alone is worth (the task model is the readiness model's own assumption)."""

    def candidates(self, given: PlanInput, now: datetime, exam_at: datetime) -> list[Activity]:
        return [a for a in super().candidates(given, now, exam_at) if a.kind != "task"]


@dataclass
class Student:
    """One synthetic student: true memory (fsrs cards under their own parameters), the
    app's view of it (the schedules), and their task records."""

    world: World
    rng: random.Random
    truth: Scheduler
    decay: float
    own_factor: dict[str, float]
    true_cards: dict[str, Card] = field(default_factory=dict)
    schedules: dict[str, Schedule] = field(default_factory=dict)
    wrong: set[str] = field(default_factory=set)
    tasks: dict[str, TaskRecord] = field(default_factory=dict)
    passed_ever: set[str] = field(default_factory=set)

    @staticmethod
    def make(world: World, seed: int) -> Student:
        rng = random.Random(f"student:{seed}")
        w = list(DEFAULT_PARAMETERS)
        start = math.exp(rng.gauss(0, 0.3))
        for i in range(4):
            w[i] *= start
        w[8] *= math.exp(rng.gauss(0, 0.15))
        w[11] *= math.exp(rng.gauss(0, 0.15))
        truth = Scheduler(
            parameters=w,
            desired_retention=0.9,
            learning_steps=(timedelta(minutes=1), STEP),
            relearning_steps=(STEP,),
            enable_fuzzing=False,
        )
        own = {c: math.exp(rng.gauss(0, 0.15)) for c in world.kind}
        return Student(world, rng, truth, -w[20], own)

    def copy(self, seed: int) -> Student:
        twin = Student(
            self.world,
            random.Random(f"luck:{seed}"),
            self.truth,
            self.decay,
            self.own_factor,
            dict(self.true_cards),
            dict(self.schedules),
            set(self.wrong),
            dict(self.tasks),
            set(self.passed_ever),
        )
        return twin

    # -- memory ----------------------------------------------------------------------

    def true_recall(self, card_id: str, at: datetime) -> float:
        card = self.true_cards.get(card_id)
        if card is None or card.stability is None or card.last_review is None:
            return 0.0
        stability = card.stability * self.world.item_factor[card_id] * self.own_factor[card_id]
        factor = 0.9 ** (1 / self.decay) - 1
        elapsed = max(0.0, (at - card.last_review).total_seconds() / 86400)
        return float((1 + factor * elapsed / stability) ** self.decay)

    def _rate(self, card_id: str, rating: Rating, at: datetime) -> None:
        true_card = self.true_cards.get(card_id) or Card(card_id=0, due=at)
        self.true_cards[card_id], _ = self.truth.review_card(true_card, rating, at)
        self.schedules[card_id] = self.world.app.review(self.schedules.get(card_id), rating, at)

    def view_minutes(self, card_id: str) -> float:
        seconds = VIEW_SECONDS.get(self.world.kind[card_id], 40.0)
        return seconds / 60 * math.exp(self.rng.gauss(0, TIME_SIGMA))

    def learn(self, card_id: str, at: datetime) -> float:
        """A new card: Good now and Good at the ten-minute step; the minutes it took."""
        self._rate(card_id, Rating.Good, at)
        self._rate(card_id, Rating.Good, at + STEP)
        self.wrong.discard(card_id)
        return self.view_minutes(card_id) * NEW_VIEWS

    def review(self, card_id: str, at: datetime) -> float:
        minutes = self.view_minutes(card_id)
        if self.rng.random() < self.true_recall(card_id, at):
            roll, rating = self.rng.random(), Rating.Good
            for r, p in RATED:
                if roll < p:
                    rating = r
                    break
                roll -= p
            self._rate(card_id, rating, at)
            self.wrong.discard(card_id)
            return minutes
        self._rate(card_id, Rating.Again, at)
        self._rate(card_id, Rating.Good, at + STEP)
        self.wrong.discard(card_id)
        return minutes + self.view_minutes(card_id)

    def attempt(self, task_id: str, at: datetime) -> float:
        if task_id in self.passed_ever:
            chance = 0.5 + 0.5 * self.true_recall(task_id, at)
        else:
            chance = FIRST_PASS_CHANCE
        passed = self.rng.random() < chance
        self._rate(task_id, Rating.Good if passed else Rating.Again, at)
        best = max(
            self.tasks[task_id].best if task_id in self.tasks else 0.0,
            1.0 if passed else FAILED_SHARE,
        )
        self.tasks[task_id] = TaskRecord(best, not passed and best > FAILED_SHARE)
        if passed:
            self.passed_ever.add(task_id)
        task = self.world.catalogue.bank.tasks[task_id]
        return TRAINING_MINUTES if getattr(task, "type", None) == "training" else TASK_MINUTES

    def do(self, activity: Activity, at: datetime) -> float:
        if activity.kind == "new":
            return self.learn(activity.id, at)
        if activity.kind in ("review", "relearn"):
            return self.review(activity.id, at)
        if activity.kind == "task":
            return self.attempt(activity.id, at)
        return 0.0  # a mock exam never fits the scenarios' minutes

    # -- the exam ----------------------------------------------------------------------

    def true_score(self, exam_at: datetime) -> tuple[float, float]:
        """(total, written) expected points on the exam."""
        model = self.world.model
        written = 0.0
        practical = 0.0
        for item_id, weight in model.weight.items():
            recall = self.true_recall(item_id, exam_at)
            if item_id in model.guess:
                written += weight * model.right(item_id, recall)
            else:
                record = self.tasks.get(item_id)
                share = UNTRIED_SHARE if record is None else record.best * (0.5 + 0.5 * recall)
                practical += weight * max(UNTRIED_SHARE, share)
        return written + practical, written


def session(
    student: Student, at: datetime, minutes: float, pick: Callable[[], Activity | None]
) -> float:
    spent = 0.0
    while spent < minutes:
        activity = pick()
        if activity is None:
            break
        spent += student.do(activity, at + timedelta(minutes=spent))
    return spent


def anki_day(student: Student, at: datetime, minutes: float, new_limit: int | None) -> float:
    day_end = at - EVENING + timedelta(days=1)
    due = sorted(
        (s.due, c)
        for c, s in student.schedules.items()
        if c in student.world.kind and s.due <= day_end and student.world.kind[c] != "task"
    )
    queue = [Activity("review", c, 0, 0) for _, c in due]
    fresh = [c for c in student.world.deck if c not in student.schedules][:new_limit]
    queue += [Activity("new", c, 0, 0) for c in fresh]
    it = iter(queue)
    return session(student, at, minutes, lambda: next(it, None))


def plan_day(
    student: Student,
    at: datetime,
    minutes: float,
    exam_at: datetime,
    days_left: int,
    planner: Planner,
) -> float:
    given = PlanInput(MemoryState(student.schedules, student.tasks), frozenset(student.wrong))
    plan = planner.plan(given, at, exam_at, minutes, days_left)
    it = iter(plan)
    return session(student, at, minutes, lambda: next(it, None))


def half_studied(student: Student) -> None:
    """The first half of the deck learned evenly over the days before, reviewed when due."""
    deck = student.world.deck[: len(student.world.deck) // 2]
    first = START - timedelta(days=HISTORY_DAYS)
    for k, card_id in enumerate(deck):
        at = first + EVENING + timedelta(days=HISTORY_DAYS * k // len(deck))
        student.learn(card_id, at)
        while student.schedules[card_id].due < START:
            student.review(card_id, student.schedules[card_id].due)


@dataclass
class Outcome:
    score: float
    written: float
    minutes: float
    predicted: list[tuple[float, float]]  # (predicted recall, true recall) per studied exam item
    predicted_total: float


def run(student: Student, scenario: Scenario, policy: str) -> Outcome:
    exam_at = START + timedelta(days=scenario.days) + EXAM_AFTER_DAY_START
    spent = 0.0
    for d in range(scenario.days):
        at = START + timedelta(days=d) + EVENING
        if policy in ("anki", "anki_fill"):
            limit = NEW_PER_DAY if policy == "anki" else None
            spent += anki_day(student, at, scenario.minutes, limit)
        else:
            world = student.world
            planner = world.planner if policy == "plan" else world.written_planner
            spent += plan_day(student, at, scenario.minutes, exam_at, scenario.days - d, planner)
    model = student.world.model
    total, written = student.true_score(exam_at)
    pairs = [
        (model.recall(student.schedules[i], exam_at), student.true_recall(i, exam_at))
        for i in model.guess
        if i in student.schedules
    ]
    state = MemoryState(student.schedules, student.tasks)
    predicted = model.predict(state, exam_at, samples=0).total
    scale = 100 / model.max_points
    return Outcome(total * scale, written * scale, spent / scenario.days, pairs, predicted * scale)


def mean_ci(values: list[float]) -> tuple[float, float, float]:
    m = statistics.fmean(values)
    half = 1.96 * statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else 0.0
    return m, m - half, m + half


def summary(outcomes: list[Outcome]) -> dict[str, float]:
    m, lo, hi = mean_ci([o.score for o in outcomes])
    return {
        "score": round(m, 2),
        "low": round(lo, 2),
        "high": round(hi, 2),
        "minutes_spent": round(statistics.fmean(o.minutes for o in outcomes), 1),
        "written": round(statistics.fmean(o.written for o in outcomes), 2),
        "predicted": round(statistics.fmean(o.predicted_total for o in outcomes), 2),
    }


def calibration(pairs: list[tuple[float, float]], bins: int = 10) -> list[dict[str, Any]]:
    table = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(p, t) for p, t in pairs if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not inside:
            continue
        table.append(
            {
                "bin": f"{lo:.1f}-{hi:.1f}",
                "n": len(inside),
                "predicted": round(statistics.fmean(p for p, _ in inside), 3),
                "true": round(statistics.fmean(t for _, t in inside), 3),
            }
        )
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=50, help="per scenario (default 50)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    world = build_world(args.seed)
    results = []
    pairs: list[tuple[float, float]] = []
    for scenario in SCENARIOS:
        by_policy: dict[str, list[Outcome]] = {
            "anki": [],
            "plan": [],
            "written": [],
            "anki_fill": [],
        }
        for s in range(args.students):
            seed = args.seed * 100_000 + s
            base = Student.make(world, seed)
            if scenario.half_studied:
                half_studied(base)
            for policy in by_policy:
                outcome = run(base.copy(seed), scenario, policy)
                by_policy[policy].append(outcome)
                pairs += outcome.predicted
        baseline, plan = summary(by_policy["anki"]), summary(by_policy["plan"])

        def gain_over_anki(policy: str, runs: dict[str, list[Outcome]] = by_policy) -> Any:
            gains = [
                100 * (p.score - a.score) / a.score
                for a, p in zip(runs["anki"], runs[policy], strict=True)
            ]
            m, lo, hi = mean_ci(gains)
            return {"mean": round(m, 1), "low": round(lo, 1), "high": round(hi, 1)}

        results.append(
            {
                "name": scenario.name,
                "days": scenario.days,
                "minutes": scenario.minutes,
                "students": args.students,
                "baseline": baseline,
                "plan": plan,
                # ablations: the plan without tasks; Anki's order without the new-card limit
                "plan_without_tasks": summary(by_policy["written"]),
                "anki_without_new_limit": summary(by_policy["anki_fill"]),
                "gain_percent": gain_over_anki("plan"),
                "gain_percent_without_tasks": gain_over_anki("written"),
            }
        )
    elapsed = time.perf_counter() - started
    report = {
        "scenarios": results,
        "calibration": calibration(pairs),
        "seconds": round(elapsed, 1),
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    for r in results:
        print(f"== {r['name']} ({r['students']} students)")
        rows = (
            ("Anki's order", "baseline"),
            ("the plan", "plan"),
            ("plan, no tasks", "plan_without_tasks"),
            ("Anki, no limit", "anki_without_new_limit"),
        )
        for label, key in rows:
            v = r[key]
            print(
                f"  {label:<14} {v['score']:5.1f}% (95% CI {v['low']:.1f}-{v['high']:.1f}), "
                f"written part {v['written']:.1f}%, predicted {v['predicted']:.1f}%, "
                f"{v['minutes_spent']:.1f} min/day"
            )
        for label, key in (
            ("plan", "gain_percent"),
            ("plan, no tasks", "gain_percent_without_tasks"),
        ):
            g = r[key]
            print(
                f"  {label} vs Anki's order: {g['mean']:+.1f}% "
                f"(95% CI {g['low']:+.1f} to {g['high']:+.1f})"
            )
    print("calibration: predicted recall at the exam vs true recall (studied exam items)")
    print("  bin        n      predicted  true")
    for row in report["calibration"]:
        print(f"  {row['bin']:<9} {row['n']:>6}  {row['predicted']:.3f}      {row['true']:.3f}")
    print(f"run time {elapsed:.1f} s")


if __name__ == "__main__":
    main()

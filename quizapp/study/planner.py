"""Tonight's plan: the activities that raise the predicted exam score the most per minute,
within the minutes the student has.

Every activity's gain is the change it makes to the readiness model's expected score
(:mod:`.readiness`), in exam points:

- **review / relearn** a card studied before: recalled now with probability ``p`` (then
  rated Good) or not (Again, then relearned ten minutes later); the recall each outcome
  leaves on the exam day, weighted by ``p``, minus the recall the card has now;
- **new**: an exam item learned tonight (Good, then Good at the ten-minute step);
- **task**: a retry of a practical task, passed with :data:`PASS_CHANCE` (lower if never
  passed), which brings its share to its best with the card fresh;
- **exam**: a mock exam in the last week, when none was sat in the last days: its
  questions are reviews too (each worth :data:`EXAM_FEEDBACK` of studying it).

The minutes come from the student's own review log (the median answer time per kind of
card), or :data:`DEFAULT_VIEW_SECONDS` without one. The planner is greedy by gain per
minute, as a knapsack of many small items is solved well enough by it: it takes the best
ratio that still fits, then the next.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from fsrs import Rating, State

from ..store import Schedule
from .readiness import ExamModel, MemoryState, TaskRecord
from .scheduler import RELEARNING_STEPS

ActivityKind = Literal["review", "relearn", "new", "task", "exam"]
ACTIVITY_KINDS: tuple[ActivityKind, ...] = ("review", "relearn", "new", "task", "exam")

# Seconds per view of a card when the log has too few answers of that kind: a written
# question is read and answered, a flashcard is turned over.
DEFAULT_VIEW_SECONDS = {"written": 40.0, "flashcard": 15.0, "task": 40.0}
MIN_LOGGED = 10  # answers of a kind before their median replaces the default
NEW_VIEWS = 2.5  # a new card: shown, answered at the 10-minute step, the explanation read
TASK_MINUTES = 15.0  # a function task: write, submit, read the verdict
TRAINING_MINUTES = 25.0  # a training task: the CPU budget comes on top of the writing
PASS_CHANCE = 0.9  # a task passed before is passed again
FIRST_PASS_CHANCE = 0.6  # a task never passed
EXAM_FEEDBACK = 0.5
MOCK_DAYS = 7  # a mock exam is planned in the last week before the exam...
MOCK_GAP_DAYS = 3  # ...when none was finished in these last days
STEP = RELEARNING_STEPS[0]
MAX_STEPS = 3
REVIEW_STATE = int(State.Review)


@dataclass(frozen=True)
class Activity:
    kind: ActivityKind
    id: str
    minutes: float
    gain: float  # expected exam points

    @property
    def rate(self) -> float:
        return self.gain / self.minutes if self.minutes > 0 else 0.0


@dataclass(frozen=True)
class Timing:
    """Minutes per view of a card, by card kind."""

    view_minutes: Mapping[str, float] = field(
        default_factory=lambda: {k: s / 60 for k, s in DEFAULT_VIEW_SECONDS.items()}
    )

    @staticmethod
    def from_log(durations: Iterable[tuple[str, int]]) -> Timing:
        """From ``(card kind, milliseconds)`` of logged answers: the median per kind, kept
        between 5 seconds and 5 minutes (a student who left the screen open)."""
        by_kind: dict[str, list[float]] = {}
        for kind, ms in durations:
            by_kind.setdefault(kind, []).append(min(300.0, max(5.0, ms / 1000)))
        minutes = {}
        for kind, default in DEFAULT_VIEW_SECONDS.items():
            found = by_kind.get(kind, [])
            seconds = statistics.median(found) if len(found) >= MIN_LOGGED else default
            minutes[kind] = seconds / 60
        return Timing(minutes)

    def view(self, kind: str) -> float:
        return self.view_minutes.get(kind, DEFAULT_VIEW_SECONDS["written"] / 60)

    def review(self, kind: str, recall_now: float) -> float:
        """A review: one view, and a relearning view when it is missed."""
        return self.view(kind) * (1.0 + (1.0 - recall_now))

    def new(self, kind: str) -> float:
        return self.view(kind) * NEW_VIEWS


@dataclass(frozen=True)
class PlanInput:
    """The student's state for planning: memory, mistakes and the last mock exam."""

    state: MemoryState
    wrong: frozenset[str] = frozenset()  # card ids whose last answer was wrong
    last_mock: datetime | None = None


class Planner:
    def __init__(self, model: ExamModel, timing: Timing | None = None) -> None:
        self.model = model
        self.timing = timing or Timing()
        self.scheduler = model.scheduler

    # -- what one activity is worth -------------------------------------------------

    def _graduated(self, schedule: Schedule, now: datetime) -> Schedule:
        """The card after Good at each learning step left (ten minutes apart) until it is in
        the review state again, as a session shows it until then."""
        at = now
        for _ in range(MAX_STEPS):
            if schedule.state == REVIEW_STATE:
                break
            at += STEP
            schedule = self.scheduler.review(schedule, Rating.Good, at)
        return schedule

    def _after_review(self, schedule: Schedule, now: datetime, exam_at: datetime) -> float:
        """Expected recall on the exam day after reviewing the card now."""
        p = self.model.recall(schedule, now)
        good = self._graduated(self.scheduler.review(schedule, Rating.Good, now), now)
        missed = self._graduated(self.scheduler.review(schedule, Rating.Again, now), now)
        return p * self.model.recall(good, exam_at) + (1 - p) * self.model.recall(missed, exam_at)

    def _learned(self, now: datetime, exam_at: datetime) -> float:
        """Recall on the exam day of a card learned now."""
        learned = self._graduated(self.scheduler.review(None, Rating.Good, now), now)
        return self.model.recall(learned, exam_at)

    def candidates(self, given: PlanInput, now: datetime, exam_at: datetime) -> list[Activity]:
        model = self.model
        state = given.state
        found: list[Activity] = []
        learned = self._learned(now, exam_at)
        for item_id in model.guess:
            weight = model.weight[item_id]
            schedule = state.schedules.get(item_id)
            if schedule is None:
                gain = weight * (model.right(item_id, learned) - model.right(item_id, 0.0))
                found.append(Activity("new", item_id, self.timing.new("written"), gain))
                continue
            before = model.recall(schedule, exam_at)
            after = self._after_review(schedule, now, exam_at)
            gain = weight * (model.right(item_id, after) - model.right(item_id, before))
            kind: ActivityKind = "relearn" if item_id in given.wrong else "review"
            minutes = self.timing.review("written", model.recall(schedule, now))
            found.append(Activity(kind, item_id, minutes, gain))
        for task_id in model.task_ids:
            found.append(self._task(task_id, state, now, exam_at))
        return [a for a in found if a.gain > 1e-6]

    def _task(self, task_id: str, state: MemoryState, now: datetime, exam_at: datetime) -> Activity:
        model = self.model
        schedule = state.schedules.get(task_id)
        record = state.tasks.get(task_id)
        before = model.task_share(record, model.recall(schedule, exam_at))
        fresh = self._graduated(self.scheduler.review(schedule, Rating.Good, now), now)
        passed = TaskRecord(1.0, False)
        after_pass = model.task_share(passed, model.recall(fresh, exam_at))
        chance = PASS_CHANCE if record is not None and record.best >= 1.0 else FIRST_PASS_CHANCE
        gain = model.weight[task_id] * chance * max(0.0, after_pass - before)
        task = model.catalogue.bank.tasks[task_id]
        minutes = TRAINING_MINUTES if getattr(task, "type", None) == "training" else TASK_MINUTES
        return Activity("task", task_id, minutes, gain)

    def _mock(
        self, given: PlanInput, activities: list[Activity], now: datetime, days_left: int
    ) -> Activity | None:
        if days_left > MOCK_DAYS:
            return None
        if given.last_mock is not None and now - given.last_mock < timedelta(days=MOCK_GAP_DAYS):
            return None
        gains = {a.id: a.gain for a in activities}
        gain = 0.0
        for section in self.model.sections:
            if section.pool:
                drawn = min(section.size, len(section.pool)) / len(section.pool)
                gain += drawn * sum(gains.get(i, 0.0) for i in section.pool)
        blueprint = self.model.blueprint
        return Activity("exam", blueprint.id, blueprint.minutes, gain * EXAM_FEEDBACK)

    # -- the plan ------------------------------------------------------------------

    def plan(
        self,
        given: PlanInput,
        now: datetime,
        exam_at: datetime,
        minutes: float,
        days_left: int,
    ) -> list[Activity]:
        """Tonight's activities in the order to do them: best gain per minute first, each
        taken while it fits in the minutes left."""
        activities = self.candidates(given, now, exam_at)
        mock = self._mock(given, activities, now, days_left)
        if mock is not None and mock.gain > 0:
            activities.append(mock)
        activities.sort(key=lambda a: (-a.rate, a.id))
        chosen: list[Activity] = []
        left = minutes
        for activity in activities:
            if activity.minutes <= left + 1e-9:
                chosen.append(activity)
                left -= activity.minutes
        return chosen

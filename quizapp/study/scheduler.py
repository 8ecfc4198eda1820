"""FSRS scheduling (the ``fsrs`` library) between the store's :class:`Schedule` rows.

Learning steps are 1 and 10 minutes and relearning 10 minutes: a card missed
in a session comes back in the same session. The intervals each rating would
give are available for the review buttons, formatted as Anki shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from fsrs import Card, Rating, Scheduler, State

from ..store.records import Schedule

LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))
RELEARNING_STEPS = (timedelta(minutes=10),)
RATINGS = (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)


def to_card(schedule: Schedule | None, now: datetime) -> Card:
    """An fsrs card for a stored schedule; a new card is due ``now``."""
    if schedule is None:
        return Card(card_id=0, due=now)
    return Card(
        card_id=0,
        state=State(schedule.state),
        step=schedule.step,
        stability=schedule.stability,
        difficulty=schedule.difficulty,
        due=schedule.due,
        last_review=schedule.last_review,
    )


def from_card(card: Card) -> Schedule:
    return Schedule(
        state=int(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )


# the units of an interval: minutes, hours, days, months, years (`--lang`)
UNITS = {
    "en": ("m", "h", "d", "mo", "y"),
    "ko": ("분", "시간", "일", "개월", "년"),
}


def format_interval(delta: timedelta, lang: str = "en") -> str:
    """``"1m"``, ``"10m"``, ``"3h"``, ``"1d"``, ``"4d"``, ``"2.5mo"``, ``"1.2y"``; in Korean
    ``"10분"``, ``"3시간"``, ``"4일"``, ``"2.5개월"``, ``"1.2년"``."""
    minute, hour, day, month, year = UNITS.get(lang, UNITS["en"])
    seconds = max(0.0, delta.total_seconds())
    minutes = seconds / 60
    if minutes < 59.5:
        return f"{max(1, round(minutes))}{minute}"
    hours = minutes / 60
    if hours < 23.5:
        return f"{round(hours)}{hour}"
    days = hours / 24
    if days < 29.5:
        return f"{round(days)}{day}"
    if days < 365:
        return f"{days / 30:.1f}".removesuffix(".0") + month
    return f"{days / 365:.1f}".removesuffix(".0") + year


@dataclass(frozen=True)
class StudyScheduler:
    """The FSRS scheduler with the app's settings; ``fuzz`` spreads long intervals a little
    (off in tests, and never in :meth:`next_intervals`, which shows the exact value)."""

    desired_retention: float = 0.9
    fuzz: bool = True
    maximum_interval_days: int = 36500

    def _fsrs(self, fuzz: bool) -> Scheduler:
        return Scheduler(
            desired_retention=self.desired_retention,
            learning_steps=LEARNING_STEPS,
            relearning_steps=RELEARNING_STEPS,
            maximum_interval=self.maximum_interval_days,
            enable_fuzzing=fuzz,
        )

    @cached_property
    def _scheduling(self) -> Scheduler:
        return self._fsrs(self.fuzz)

    @cached_property
    def _exact(self) -> Scheduler:
        return self._fsrs(False)

    def review(self, schedule: Schedule | None, rating: Rating, now: datetime) -> Schedule:
        card, _log = self._scheduling.review_card(to_card(schedule, now), rating, now)
        return from_card(card)

    def intervals(self, schedule: Schedule | None, now: datetime) -> dict[Rating, timedelta]:
        scheduler = self._exact
        card = to_card(schedule, now)
        return {r: scheduler.review_card(card, r, now)[0].due - now for r in RATINGS}

    def next_intervals(
        self, schedule: Schedule | None, now: datetime, lang: str = "en"
    ) -> dict[Rating, str]:
        """What each review button would schedule, e.g. ``{Again: "1m", Good: "10m", ...}``."""
        return {r: format_interval(d, lang) for r, d in self.intervals(schedule, now).items()}

    def recall(self, schedule: Schedule | None, now: datetime) -> float:
        """Predicted probability of recalling the card at ``now`` (0 for a new card).

        The FSRS forgetting curve with fractional days (fsrs's own helper rounds
        down to whole days, which would call every card reviewed today certain).
        """
        if schedule is None or schedule.stability is None or schedule.last_review is None:
            return 0.0
        decay = -self._exact.parameters[20]
        factor = 0.9 ** (1 / decay) - 1
        elapsed = max(0.0, (now - schedule.last_review).total_seconds() / 86400)
        return float((1 + factor * elapsed / schedule.stability) ** decay)

"""``quizapp plan`` and the home screen's plan panel: the predicted exam score on the exam
date, tonight's plan and the score it leads to, from the profile's store.

The exam is taken at 09:00 local time on the exam date (the study day starts at 04:00).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from .errors import StudyError
from .planner import Activity, PlanInput, Planner, Timing
from .readiness import ExamModel, MemoryState, Prediction, choose_blueprint, task_records
from .service import StudyService

DEFAULT_MINUTES = 30
EXAM_HOURS_AFTER_DAY_START = 5  # 04:00 + 5 h: a morning exam


class PlanUnavailable(StudyError):
    """No plan can be made; ``reason`` is an i18n key under ``plan.error.``."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.values = values


@dataclass(frozen=True)
class ExamPlan:
    exam_date: date
    days_left: int
    blueprint: str
    minutes: float
    predicted: Prediction
    plan: list[Activity]

    @property
    def predicted_after(self) -> float:
        return min(self.predicted.max_points, self.predicted.total + sum(a.gain for a in self.plan))


def exam_moment(service: StudyService, exam_date: date) -> datetime:
    return service.day.start(exam_date) + timedelta(hours=EXAM_HOURS_AFTER_DAY_START)


def memory_state(service: StudyService) -> tuple[MemoryState, frozenset[str]]:
    store = service.store
    cards = store.reviews.cards()
    schedules = {card_id: c.schedule for card_id, c in cards.items()}
    wrong = frozenset(card_id for card_id, c in cards.items() if not c.last_correct)
    return MemoryState(schedules, task_records(store.practice.history())), wrong


def last_mock(service: StudyService, blueprint: str) -> datetime | None:
    finished = [
        a.finished_at
        for a in service.store.exams.attempts()
        if a.blueprint == blueprint and a.finished_at is not None
    ]
    return max(finished) if finished else None


def exam_plan(service: StudyService, minutes: float = DEFAULT_MINUTES) -> ExamPlan:
    """The prediction and tonight's plan; :class:`PlanUnavailable` without an exam date,
    after the exam, or without a blueprint to plan for."""
    if minutes <= 0:
        raise PlanUnavailable("minutes")
    exam_date = service.plan().exam_date
    if exam_date is None:
        raise PlanUnavailable("no_exam_date")
    now = service.clock()
    days_left = (exam_date - service.day.date_of(now)).days
    if days_left < 0:
        raise PlanUnavailable("exam_passed", date=exam_date.isoformat())
    blueprint = choose_blueprint(service.catalogue.bank.exams)
    if blueprint is None:
        raise PlanUnavailable("no_blueprint")
    exam_at = max(now, exam_moment(service, exam_date))
    model = ExamModel(service.catalogue, blueprint, service.scheduler)
    state, wrong = memory_state(service)
    predicted = model.predict(state, exam_at)
    timing = Timing.from_log(service.store.reviews.durations())
    given = PlanInput(state, wrong, last_mock(service, blueprint.id))
    plan = Planner(model, timing).plan(given, now, exam_at, minutes, days_left)
    return ExamPlan(exam_date, days_left, blueprint.id, minutes, predicted, plan)


def _points(value: float) -> float:
    return round(value, 1)


def plan_json(found: ExamPlan) -> dict[str, Any]:
    """``{"exam_date", "days_left", "predicted": {"total", "low", "high", "by_entry",
    "by_kind"}, "plan": [{"kind", "id", "minutes", "gain"}], "predicted_after"}`` in exam
    points, with the blueprint, its points and the minutes asked for besides."""
    p = found.predicted
    return {
        "exam_date": found.exam_date.isoformat(),
        "days_left": found.days_left,
        "blueprint": found.blueprint,
        "max_points": _points(p.max_points),
        "minutes": found.minutes,
        "predicted": {
            "total": _points(p.total),
            "low": _points(p.low),
            "high": _points(p.high),
            "by_entry": {
                title: {"expected": round(e, 2), "max": round(m, 2)}
                for title, (e, m) in p.by_entry.items()
            },
            "by_kind": {
                title: {"expected": round(e, 2), "max": round(m, 2)}
                for title, (e, m) in p.by_kind.items()
            },
        },
        "plan": [
            {"kind": a.kind, "id": a.id, "minutes": round(a.minutes, 2), "gain": round(a.gain, 3)}
            for a in found.plan
        ],
        "predicted_after": _points(found.predicted_after),
    }

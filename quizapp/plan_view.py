"""How tonight's plan reads: its steps (consecutive cards of one kind as one step) and the
whole report, for ``quizapp plan`` and the home screen's plan panel."""

from __future__ import annotations

from collections.abc import Iterator

from question_bank import Bank
from question_bank.text import display_width, pad

from .formatting import points
from .i18n import translate
from .study.exam_plan import ExamPlan
from .study.planner import Activity


def points_text(value: float) -> str:
    """Predicted points (and minutes) to one decimal: a prediction claims no more."""
    return points(value, places=1)


def plan_steps(found: ExamPlan, bank: Bank, lang: str) -> Iterator[tuple[str, float, float]]:
    """``(what, minutes, gain)`` per step: consecutive cards of one kind are one step
    ("Review 12 items"), a task or a mock exam is a step of its own."""
    run: list[Activity] = []

    def close() -> tuple[str, float, float]:
        what = translate(f"plan.kind.{run[0].kind}", lang, count=len(run))
        return what, sum(a.minutes for a in run), sum(a.gain for a in run)

    for activity in found.plan:
        if activity.kind in ("task", "exam"):
            if run:
                yield close()
                run = []
            if activity.kind == "task":
                title = bank.tasks[activity.id].title if activity.id in bank.tasks else activity.id
            else:
                exam = bank.exams.get(activity.id)
                title = exam.title if exam is not None else activity.id
            what = translate(f"plan.kind.{activity.kind}", lang, title=title)
            yield what, activity.minutes, activity.gain
        elif run and run[0].kind != activity.kind:
            yield close()
            run = [activity]
        else:
            run.append(activity)
    if run:
        yield close()


def format_plan(found: ExamPlan, bank: Bank, lang: str) -> str:
    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    p = found.predicted
    blueprint = bank.exams[found.blueprint].title if found.blueprint in bank.exams else ""
    lines = [
        t(
            "plan.header",
            date=found.exam_date.isoformat(),
            days=found.days_left,
            blueprint=blueprint,
        ),
        t(
            "plan.predicted",
            total=points_text(p.total),
            max=points_text(p.max_points),
            low=points_text(p.low),
            high=points_text(p.high),
        ),
        t(
            "plan.tonight",
            minutes=points_text(found.minutes),
            after=points_text(found.predicted_after),
        ),
    ]
    steps = list(plan_steps(found, bank, lang))
    if not steps:
        lines.append("  " + t("plan.nothing"))
    for n, (what, minutes, gain) in enumerate(steps, 1):
        lines.append(
            f"  {n}. " + t("plan.line", what=what, minutes=points_text(minutes), gain=f"{gain:.1f}")
        )
    lines.append(t("plan.by_kind"))
    width = max((display_width(k) for k in p.by_kind), default=0)
    for title, (expected, most) in p.by_kind.items():
        lines.append(f"  {pad(title, width)}  {points_text(expected):>5} / {points_text(most)}")
    if p.by_entry:
        lines.append(t("plan.by_entry"))
        width = max(display_width(k) for k in p.by_entry)
        for title, (expected, most) in p.by_entry.items():
            lines.append(f"  {pad(title, width)}  {expected:5.2f} / {most:.2f}")
    return "\n".join(lines)

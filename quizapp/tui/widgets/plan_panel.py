"""The home screen's "오늘 할 일" panel: D-n, the predicted exam score with its range and
the score after tonight's plan, then the plan's first steps (minutes and gain first: a
long task title is cut at the panel's edge, not wrapped).

The plan is computed in a thread worker once the home screen has drawn (the first frame
does not wait for it); without an exam date, or with nothing to plan for, the panel hides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message
from textual.widgets import Static

from ..workers import WorkerFailures

if TYPE_CHECKING:
    from quizapp.study.exam_plan import ExamPlan

    from ..context import Context

SHOWN_STEPS = 3
SHORT_SCREEN = 30  # rows: below, two steps and no "more" line (the side column is full)


class PlanFound(Message, bubble=False):
    """The plan worker's answer: the plan, or None when there is nothing to plan for."""

    def __init__(self, plan: ExamPlan | None) -> None:
        super().__init__()
        self.plan = plan


class PlanPanel(WorkerFailures, Static):
    DEFAULT_CSS = """
    PlanPanel { height: auto; padding: 0 1 1 1; }
    PlanPanel.-hidden { display: none; }
    """

    def __init__(self, ctx: Context, *, id: str | None = None) -> None:
        super().__init__("", markup=False, id=id)
        self.ctx = ctx

    def on_mount(self) -> None:
        self.update(self.ctx.t("plan.panel.loading"))

    def refresh_plan(self) -> None:
        if self.ctx.service is not None:
            self._compute()

    @work(thread=True, exclusive=True, exit_on_error=False, group="home-plan")
    def _compute(self) -> PlanFound:
        from quizapp.study.exam_plan import PlanUnavailable, exam_plan

        assert self.ctx.service is not None
        try:
            return PlanFound(exam_plan(self.ctx.service))
        except PlanUnavailable:
            return PlanFound(None)

    @on(PlanFound)
    def show_plan(self, event: PlanFound) -> None:
        self.set_class(event.plan is None, "-hidden")
        if event.plan is not None:
            self.update(self.render_plan(event.plan))

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        self.add_class("-hidden")
        super().worker_failed(group, error)

    def render_plan(self, found: ExamPlan) -> str:
        from quizapp.plan_view import plan_steps, points_text

        app = self.ctx
        t = app.t
        p = found.predicted
        lines = [
            t("plan.panel.title", days=found.days_left),
            t(
                "plan.panel.score",
                total=points_text(p.total),
                low=points_text(p.low),
                high=points_text(p.high),
                after=points_text(found.predicted_after),
            ),
        ]
        assert app.bank is not None
        steps = list(plan_steps(found, app.bank, app.lang))
        if not steps:
            lines.append(t("plan.nothing"))
        short = self.app.size.height < SHORT_SCREEN
        shown = SHOWN_STEPS - 1 if short else SHOWN_STEPS
        if self.screen.has_class("-narrow"):
            shown = 1  # 80 columns: a step wraps over several lines of the side column
        for n, (what, minutes, gain) in enumerate(steps[:shown], 1):
            lines.append(
                t(
                    "plan.panel.step",
                    n=n,
                    minutes=points_text(minutes),
                    gain=f"{gain:.1f}",
                    what=what,
                )
            )
        if len(steps) > shown and not short:
            lines.append(t("plan.panel.more", count=len(steps) - shown))
        return "\n".join(lines)

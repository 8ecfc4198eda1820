"""The home screen's "오늘 할 일" panel: D-n, the predicted exam score with its range and
the score after tonight's plan, then the plan's first steps (minutes and gain first: a
long task title is cut at the panel's edge, not wrapped).

The plan is computed in a thread worker once the home screen has drawn (the first frame
does not wait for it); without an exam date, or with nothing to plan for, the panel hides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters, work
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from ..app import QuizApp

if TYPE_CHECKING:
    from quizapp.study.exam_plan import ExamPlan

SHOWN_STEPS = 3
SHORT_SCREEN = 30  # rows: below, two steps and no "more" line (the side column is full)


class PlanPanel(Static):
    DEFAULT_CSS = """
    PlanPanel { height: auto; padding: 0 1 1 1; }
    PlanPanel.-hidden { display: none; }
    """

    quiz_app = getters.app(QuizApp)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", markup=False, id=id)

    def on_mount(self) -> None:
        self.update(self.quiz_app.t("plan.panel.loading"))

    def refresh_plan(self) -> None:
        if self.quiz_app.service is not None:
            self._compute()

    @work(thread=True, exclusive=True, exit_on_error=False, group="home-plan")
    def _compute(self) -> ExamPlan | None:
        from quizapp.study.exam_plan import PlanUnavailable, exam_plan

        assert self.quiz_app.service is not None
        try:
            return exam_plan(self.quiz_app.service)
        except PlanUnavailable:
            return None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "home-plan":
            return
        event.stop()
        if event.state == WorkerState.SUCCESS:
            found = event.worker.result
            self.set_class(found is None, "-hidden")
            if found is not None:
                self.update(self.render_plan(found))
        elif event.state == WorkerState.ERROR:
            self.add_class("-hidden")
            self.notify(str(event.worker.error), severity="error", markup=False)

    def render_plan(self, found: ExamPlan) -> str:
        from quizapp.plan_view import plan_steps, points_text

        app = self.quiz_app
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

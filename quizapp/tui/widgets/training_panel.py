"""Beside a training task's editor: the student's attempts (metric per attempt, plotted
against the target) and the task's leaderboard.

It shows what the screen hands it and decides nothing; plotted text is ASCII only (see
:mod:`quizapp.tui.widgets.charts`), the words live in the Statics around the plot.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual_plotext import PlotextPlot

from quizapp.store import Standing
from quizapp.store.leaderboard import LOWER_IS_BETTER
from quizapp.training_view import format_board

from .charts import LINE_COLOR, PASS_COLOR, RIGHT_COLOR, WRONG_COLOR, reset, spaced

Translate = Callable[..., str]


def draw_attempts(
    plot: PlotextPlot, metrics: Sequence[float | None], target: float, lower: bool = False
) -> None:
    """Each attempt's metric in order (green where it reaches the target — at or above it,
    at or below it for a lower-is-better metric such as RMSLE — red elsewhere), the target
    as a line; an attempt without a metric (stopped, crashed) is left out of the line."""
    plt = reset(plot)
    points = [(i, m) for i, m in enumerate(metrics, 1) if m is not None]
    plt.plot([x for x, _ in points], [y for _, y in points], color=LINE_COLOR)
    for reached, color in ((True, RIGHT_COLOR), (False, WRONG_COLOR)):
        chosen = [
            (x, y) for x, y in points if ((y <= target) if lower else (y >= target)) is reached
        ]
        if chosen:
            plt.scatter([x for x, _ in chosen], [y for _, y in chosen], color=color, marker="●")
    plt.hline(target, PASS_COLOR)
    labelled = spaced(len(metrics), max(1, len(metrics) // 5))
    plt.xticks(labelled, [str(i) for i in labelled])
    plt.xlim(0.5, len(metrics) + 0.5)
    top = max([1.0, *(y for _, y in points)])  # an RMSLE can exceed 1
    ticks = [0, 0.25, 0.5, 0.75, 1] if top == 1 else [0, top / 2, top]
    plt.yticks(ticks, ["0", ".25", ".5", ".75", "1"] if top == 1 else [f"{v:.2g}" for v in ticks])
    plt.ylim(0, top)
    plot.refresh()


class TrainingPanel(Vertical):
    """Attempt history with its plot, and the leaderboard, of one training task."""

    DEFAULT_CSS = """
    TrainingPanel { height: auto; border-top: solid $primary 50%; }
    TrainingPanel > #training-plot { height: 8; }
    TrainingPanel > #training-board { height: auto; max-height: 8; }
    """

    def __init__(
        self,
        t: Translate,
        lang: str,
        task_id: str,
        target: float,
        *,
        metric: str = "accuracy",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.t = t
        self.lang = lang
        self.task_id = task_id
        self.target = target
        self.metric = metric  # its name: `accuracy`, or `rmsle` (lower is better)
        self.metrics: list[float | None] = []
        self.board = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="training-attempts", markup=False)
        yield PlotextPlot(id="training-plot")
        yield Static("", id="training-board", markup=False)

    def show(self, metrics: Sequence[float | None], standings: list[Standing]) -> None:
        """``metrics``: the student's attempts, oldest first; ``standings``: the leaderboard."""
        self.metrics = list(metrics)
        head = self.query_one("#training-attempts", Static)
        plot = self.query_one("#training-plot", PlotextPlot)
        if self.metrics:
            head.update(
                self.t(
                    "training.attempts",
                    count=len(self.metrics),
                    metric=self.t(f"metric.{self.metric}"),
                )
            )
            plot.display = True
            draw_attempts(plot, self.metrics, self.target, lower=self.metric in LOWER_IS_BETTER)
        else:
            head.update(self.t("training.no_attempts"))
            plot.display = False
        self.board = format_board(self.task_id, standings, self.lang)
        self.query_one("#training-board", Static).update(self.board)

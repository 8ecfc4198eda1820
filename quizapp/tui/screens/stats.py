"""Statistics: the headline numbers and four plots — reviews per day, retention per week,
mastery by syllabus entry and mock-exam scores over time.

The numbers come from :func:`quizapp.study.progress_stats` and
:mod:`quizapp.study.history` (SQL aggregates), loaded in a thread worker; a
plot without data shows a sentence saying why instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static
from textual_plotext import PlotextPlot

from quizapp.formatting import percent

from ..widgets.charts import draw_mastery, draw_retention, draw_reviews, draw_scores
from .base import QuizScreen

if TYPE_CHECKING:
    from quizapp.study.history import History


CHARTS = ("reviews", "retention", "mastery", "scores")


@dataclass(frozen=True)
class StatsData:
    numbers: dict[str, Any]  # progress_stats
    history: History
    practice: dict[str, int] | None = None  # practical tasks: total, passed, tried, due, attempts


class StatsLoaded(Message, bubble=False):
    def __init__(self, data: StatsData) -> None:
        super().__init__()
        self.data = data


class StatsScreen(QuizScreen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="back")]

    def __init__(self) -> None:
        super().__init__()
        self.mastery: list[dict[str, Any]] | None = None  # shown, for a redraw on resize

    def chart(self, name: str) -> Vertical:
        return Vertical(
            Static(self.t(f"stats.{name}"), classes="section-title"),
            PlotextPlot(id=f"{name}-plot"),
            Static(self.t("app.loading"), id=f"{name}-empty", classes="muted"),
            id=f"{name}-chart",
            classes="chart",
        )

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats"):
            with Horizontal(id="stats-numbers"):
                for name in ("reviews", "memory", "todo", "exams"):
                    yield Static("", id=f"stats-{name}", classes="card", markup=False)
            yield Static("", id="stats-practice", classes="muted", markup=False)
            with Horizontal(classes="stats-row"):
                yield self.chart("reviews")
                yield self.chart("retention")
            with Horizontal(classes="stats-row", id="mastery-row"):
                yield self.chart("mastery")
                yield DataTable(id="mastery-legend", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="stats-row"):
                yield self.chart("scores")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.t("stats.title")
        self.apply_layout()
        for name in CHARTS:
            self.query_one(f"#{name}-plot", PlotextPlot).display = False
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="stats")
    def load(self) -> StatsLoaded:
        from quizapp.study import progress_stats
        from quizapp.study.history import load_history

        service = self.ctx.service
        assert service is not None
        from quizapp.study.practice_view import task_summaries

        numbers = progress_stats(service)
        tasks = task_summaries(service)
        practice = {
            "total": len(tasks),
            "passed": sum(t.status == "passed" for t in tasks),
            "tried": sum(t.attempts > 0 for t in tasks),
            "due": sum(t.due for t in tasks),
            "attempts": sum(t.attempts for t in tasks),
        }
        history = load_history(service.store, service.day, service.clock())
        return StatsLoaded(StatsData(numbers, history, practice))

    @on(StatsLoaded)
    def loaded(self, event: StatsLoaded) -> None:
        self.show(event.data)

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        message = self.t("stats.error", error=error)
        self.query_one("#stats-reviews", Static).update(message)
        for name in CHARTS:
            self.query_one(f"#{name}-empty", Static).update("")
        self.notify(message, severity="error", markup=False)

    # -- showing ---------------------------------------------------------------------

    def show_chart(self, name: str, empty_key: str | None) -> bool:
        """Show the plot, or instead the sentence ``empty_key`` (when given)."""
        has_data = empty_key is None
        self.query_one(f"#{name}-plot", PlotextPlot).display = has_data
        empty = self.query_one(f"#{name}-empty", Static)
        empty.display = not has_data
        empty.update("" if has_data else self.t(empty_key or ""))
        return has_data

    def show(self, data: StatsData) -> None:
        self.show_numbers(data)
        history = data.history
        if self.show_chart("reviews", None if history.has_reviews else "stats.no_reviews"):
            draw_reviews(self.query_one("#reviews-plot", PlotextPlot), history.days)
        if self.show_chart("retention", None if history.has_retention else "stats.no_retention"):
            draw_retention(self.query_one("#retention-plot", PlotextPlot), history.weeks)
        self.show_mastery(data.numbers["mastery"])
        if self.show_chart("scores", None if history.exams else "stats.no_exams"):
            draw_scores(
                self.query_one("#scores-plot", PlotextPlot), history.exams, self.pass_mark(data)
            )

    def show_numbers(self, data: StatsData) -> None:
        n = data.numbers
        self.query_one("#stats-reviews", Static).update(
            self.t(
                "stats.card.reviews",
                total=n["reviews_total"],
                today=n["reviews_today"],
                streak=n["streak_days"],
            )
        )
        retention = n["retention_30d"]
        self.query_one("#stats-memory", Static).update(
            self.t(
                "stats.card.memory",
                retention=percent(None if retention is None else retention * 100),
                seen=n["items_seen"],
                total=n["items_total"],
            )
        )
        if data.practice is not None:  # the practical tasks, in one line under the cards
            self.query_one("#stats-practice", Static).update(
                self.t("stats.practice", **data.practice)
            )
        self.query_one("#stats-todo", Static).update(
            self.t(
                "stats.card.todo", due=n["due_now"], new=n["new_available"], mistakes=n["mistakes"]
            )
        )
        exams = data.history.exams
        if exams:
            text = self.t(
                "stats.card.exams",
                count=len(exams),
                best=percent(max(e.percent for e in exams)),
                last=percent(exams[-1].percent),
            )
        else:
            text = self.t("stats.card.no_exams")
        self.query_one("#stats-exams", Static).update(text)

    def lay_out(self) -> None:
        """Pages and counts beside the mastery chart only where there is room for them."""
        legend = self.query_one("#mastery-legend", DataTable)
        legend.clear(columns=True)
        legend.add_column("#", key="number")
        legend.add_column(self.t("home.col.entry"), key="entry")
        if self.wide:
            legend.add_column(self.t("col.pages"), key="pages")
        legend.add_column(self.t("home.col.mastery"), key="percent")
        if self.mastery is not None:
            self.show_mastery(self.mastery)

    def show_mastery(self, mastery: list[dict[str, Any]]) -> None:
        self.mastery = mastery
        legend = self.query_one("#mastery-legend", DataTable)
        legend.clear()
        legend.display = bool(mastery)
        if not self.show_chart("mastery", None if mastery else "stats.no_syllabus"):
            return
        draw_mastery(self.query_one("#mastery-plot", PlotextPlot), [m["percent"] for m in mastery])
        for number, m in enumerate(mastery, 1):
            percent = f"{m['percent']:.0f}%"
            title = Text(m["title"])  # plain text, never markup
            if self.wide:
                legend.add_row(
                    str(number), title, m["pages"], f"{percent} ({m['mastered']}/{m['items']})"
                )
            else:  # half of 80 columns: the entry and its share, no pages or counts
                legend.add_row(str(number), title, Text(percent, justify="right"))
        # one text row per bar: the frame's top line, a row per entry, the x axis (two lines)
        self.query_one("#mastery-plot", PlotextPlot).styles.height = len(mastery) + 3

    def pass_mark(self, data: StatsData) -> float | None:
        """The pass mark line, when every plotted exam's blueprint has the same one."""
        bank = self.ctx.bank
        marks = {
            bank.exams[e.blueprint].pass_percent
            for e in data.history.exams
            if bank is not None and e.blueprint in bank.exams
        }
        return marks.pop() if len(marks) == 1 else None

"""Home: what is due, today's work, the streak, the exam date, coverage of the exam scope,
the last mock exams, and the ways in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker, WorkerState

from ..app import Ready
from ..widgets.plan_panel import PlanPanel
from .base import QuizScreen

BAR = 12
LAST_ATTEMPTS = 5


def bar(percent: float) -> str:
    filled = round(percent / 100 * BAR)
    return "█" * filled + "░" * (BAR - filled)


def attempt_line(attempt: dict[str, Any], titles: dict[str, str]) -> str:
    """ "✓ AI Essential 모의고사 75%  2026-11-02": the blueprint's title, the score as stored
    (59.6% is not shown as a failed "60%") and the local date it finished."""
    mark = "✓" if attempt["passed"] else "✗"
    title = titles.get(attempt["blueprint"], attempt["blueprint"])
    finished = datetime.fromisoformat(attempt["finished_at"].replace("Z", "+00:00"))
    score = f"{round(attempt['score_percent'], 1):g}%"
    return f"{mark} {title} {score}  {finished.astimezone():%Y-%m-%d}"


class HomeScreen(QuizScreen[None]):
    BINDINGS = [
        Binding("r", "app.review", "Review", id="review"),
        Binding("q", "app.quiz", "Quiz", id="quiz"),
        Binding("p", "app.practice", "Practice", id="practice"),
        Binding("e", "app.exams", "Exam", id="exams"),
        Binding("m", "app.mistakes", "Mistakes", id="mistakes"),
        Binding("s", "app.stats", "Stats", id="stats"),
        Binding("b", "app.browse", "Browse", id="browse"),
    ]

    def compose(self) -> ComposeResult:
        t = self.t
        yield Header()
        with Horizontal(id="summary"):
            yield Static(t("app.loading"), id="due", classes="card")
            yield Static("", id="today", classes="card")
            yield Static("", id="exam", classes="card")
        with Horizontal(id="home-body"):
            with Vertical(id="coverage-box"):
                yield Static(t("home.coverage"), classes="section-title")
                yield DataTable(id="coverage", cursor_type="row", zebra_stripes=True)
            with Vertical(id="side"):
                yield PlanPanel(id="plan")
                yield Static(t("home.exams"), classes="section-title")
                yield Static("", id="attempts", markup=False)
                yield Static(t("home.keys"), id="ways", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        t = self.t
        table = self.query_one("#coverage", DataTable)
        table.add_column(t("home.col.entry"), key="entry")
        table.add_column(t("col.pages"), key="pages")
        table.add_column(t("home.col.mastery"), key="bar")
        table.add_column("%", key="percent")
        if self.quiz_app.service is not None:
            self.refresh_stats()

    @on(Ready)
    def on_ready(self) -> None:
        self.refresh_stats()

    def on_screen_resume(self) -> None:
        if self.quiz_app.service is not None:
            self.refresh_stats()

    @work(thread=True, exclusive=True, exit_on_error=False, group="home-stats")
    def refresh_stats(self) -> dict[str, Any]:
        from quizapp.study import progress_stats

        assert self.quiz_app.service is not None
        return progress_stats(self.quiz_app.service)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "home-stats":
            return
        if event.state == WorkerState.SUCCESS:
            assert isinstance(event.worker.result, dict)
            self.show(event.worker.result)
        elif event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), severity="error", markup=False)

    def show(self, stats: dict[str, Any]) -> None:
        t = self.t
        due = stats["due_by_kind"]
        self.query_one("#due", Static).update(
            t(
                "home.due",
                total=stats["due_now"],
                written=due["written"],
                flashcards=due["flashcard"],
                tasks=due["task"],
                new=stats["new_available"],
            )
        )
        retention = stats["retention_30d"]
        self.query_one("#today", Static).update(
            t(
                "home.today",
                reviews=stats["reviews_today"],
                streak=stats["streak_days"],
                retention="—" if retention is None else f"{retention * 100:.0f}%",
                mistakes=stats["mistakes"],
            )
        )
        if stats["exam_date"]:
            exam = t("home.exam_date", date=stats["exam_date"], days=stats["days_to_exam"])
        else:
            exam = t("home.no_exam_date")
        self.query_one("#exam", Static).update(exam)
        table = self.query_one("#coverage", DataTable)
        table.clear()
        for m in stats["mastery"]:
            table.add_row(
                Text(m["title"]),  # plain text: a "[...]" in a title is not markup
                m["pages"],
                bar(m["percent"]),
                f"{m['percent']:.0f}% ({m['mastered']}/{m['items']})",
            )
        # exam_attempts come newest first: the last five, the newest on top
        finished = [a for a in stats["exam_attempts"] if a["finished_at"]][:LAST_ATTEMPTS]
        bank = self.quiz_app.bank
        titles = {bp.id: bp.title for bp in bank.exams.values()} if bank is not None else {}
        if finished:
            lines = [attempt_line(a, titles) for a in finished]
            self.query_one("#attempts", Static).update("\n".join(lines))
        else:
            self.query_one("#attempts", Static).update(t("home.no_attempts"))
        self.query_one(PlanPanel).refresh_plan()  # after the numbers above: it takes longer

"""Home: what is due, today's work, the streak, the exam date, coverage of the exam scope,
the last mock exams, and the ways in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Header, Static

from quizapp.formatting import local_day

from ..context import Ready
from ..widgets.plan_panel import PlanPanel
from .base import QuizScreen

if TYPE_CHECKING:
    from quizapp.store import ExamAttempt

BAR = 12
NARROW_BAR = 6  # below the wide layout: the bar shrinks so that the percentages stay in view
LAST_ATTEMPTS = 5


def bar(percent: float, cells: int = BAR) -> str:
    filled = round(percent / 100 * cells)
    return "█" * filled + "░" * (cells - filled)


def attempt_line(attempt: dict[str, Any], titles: dict[str, str]) -> str:
    """ "✓ AI Essential 모의고사 75%  2026-11-02": the blueprint's title, the score as stored
    (59.6% is not shown as a failed "60%") and the local date it finished."""
    mark = "✓" if attempt["passed"] else "✗"
    title = titles.get(attempt["blueprint"], attempt["blueprint"])
    score = f"{round(attempt['score_percent'], 1):g}%"
    return f"{mark} {title} {score}  {local_day(attempt['finished_at'])}"


class StatsCounted(Message, bubble=False):
    """The numbers the home screen shows (and the mock exam still running)."""

    def __init__(self, stats: dict[str, Any]) -> None:
        super().__init__()
        self.stats = stats


class HomeScreen(QuizScreen[None]):
    BINDINGS = [
        Binding("r", "app.review", "Review", id="review"),
        Binding("q", "app.quiz", "Quiz", id="quiz"),
        Binding("p", "app.practice", "Practice", id="practice"),
        Binding("e", "app.exams", "Exam", id="exams"),
        Binding("m", "app.mistakes", "Mistakes", id="mistakes"),
        Binding("s", "app.stats", "Stats", id="stats"),
        # in the side list of keys, not the footer (which must fit in 80 columns)
        Binding("b", "app.browse", "Browse", id="browse", show=False),
        Binding("o", "app.settings", "Settings", id="settings", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.running: ExamAttempt | None = None  # a mock exam still running, if any
        self.body_ready = False  # the coverage table, the side column and the footer
        self.waiting: dict[str, Any] | None = None  # numbers that came before the body

    def compose(self) -> ComposeResult:
        # The app's first frame: the title and the loading line. The rest (a DataTable,
        # the plan panel, the footer: most of the first frame's drawing time) is mounted
        # right after it, long before the bank and the store are loaded.
        t = self.t
        yield Header()
        yield Static("", id="exam-running", markup=False)
        with Horizontal(id="summary"):
            yield Static(t("app.loading"), id="due", classes="card")
            yield Static("", id="today", classes="card")
            yield Static("", id="exam", classes="card")

    def compose_body(self) -> list[Widget]:
        from textual.widgets import DataTable, Footer

        t = self.t
        table = DataTable[Any](id="coverage", cursor_type="row", zebra_stripes=True)
        table.add_column(t("home.col.entry"), key="entry")
        table.add_column(t("col.pages"), key="pages")
        table.add_column(t("home.col.mastery"), key="bar")
        table.add_column("%", key="percent")
        body = Horizontal(
            Vertical(Static(t("home.coverage"), classes="section-title"), table, id="coverage-box"),
            Vertical(
                PlanPanel(self.ctx, id="plan"),
                Static(t("home.exams"), classes="section-title"),
                Static("", id="attempts", markup=False),
                Static(t("home.keys"), id="ways", classes="muted"),
                id="side",
            ),
            id="home-body",
        )
        return [body, Footer(compact=True)]  # every way in fits in 80 columns

    def on_mount(self) -> None:
        self.query_one("#exam-running", Static).display = False
        self.set_interval(1, self.show_running)
        self.call_after_refresh(self.mount_body)
        if self.ctx.service is not None:
            self.refresh_stats()

    async def mount_body(self) -> None:
        await self.mount_all(self.compose_body())
        self.body_ready = True
        # Textual focuses a screen's first widget and draws its footer's keys when the
        # screen starts; the body came later, so both are done here.
        if self.focused is None:
            self.set_focus(self.query_one("#coverage"))
        self.refresh_bindings()
        if self.waiting is not None:
            stats, self.waiting = self.waiting, None
            self.show_stats(stats)

    @on(Ready)
    def on_ready(self) -> None:
        self.refresh_stats()

    def on_screen_resume(self) -> None:
        if self.ctx.service is not None:
            self.refresh_stats()

    @work(thread=True, exclusive=True, exit_on_error=False, group="home-stats")
    def refresh_stats(self) -> StatsCounted:
        from quizapp.study import progress_stats

        assert self.ctx.service is not None
        stats = progress_stats(self.ctx.service)
        runner = self.ctx.exam_runner
        stats["running_attempt"] = runner.unfinished() if runner is not None else None
        return StatsCounted(stats)

    def show_running(self) -> None:
        """A mock exam still running (after a restart too): its title, the time left (from
        the stored start, so the clock is right) and how to resume it."""
        banner = self.query_one("#exam-running", Static)
        runner, attempt = self.ctx.exam_runner, self.running
        if runner is None or attempt is None or attempt.submitted:
            banner.display = False
            return
        from quizapp.exam.view import format_clock

        bank = self.ctx.bank
        blueprint = bank.exams.get(attempt.blueprint) if bank is not None else None
        title = blueprint.title if blueprint is not None else attempt.blueprint
        if runner.expired(attempt):
            text = self.t("home.exam_time_up", title=title)
        else:
            text = self.t(
                "home.exam_running", title=title, left=format_clock(runner.remaining(attempt))
            )
        banner.update(text)
        banner.display = True

    @on(StatsCounted)
    def show(self, event: StatsCounted) -> None:
        self.show_stats(event.stats)

    def show_stats(self, stats: dict[str, Any]) -> None:
        if not self.body_ready:  # shown as soon as the body is mounted
            self.waiting = stats
            return
        t = self.t
        self.running = stats.get("running_attempt")
        self.show_running()
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
        from textual.widgets import DataTable

        table = self.query_one("#coverage", DataTable)
        row = table.cursor_row  # kept across a refresh (back from a review, say)
        table.clear()
        wide = self.wide
        for m in stats["mastery"]:
            percent = f"{m['percent']:.0f}%"
            table.add_row(
                Text(m["title"]),  # plain text: a "[...]" in a title is not markup
                m["pages"],
                bar(m["percent"], BAR if wide else NARROW_BAR),
                Text(
                    f"{percent} ({m['mastered']}/{m['items']})" if wide else percent,
                    justify="right",
                ),
            )
        if 0 < row < table.row_count:
            table.move_cursor(row=row, animate=False)
        # exam_attempts come newest first: the last five, the newest on top
        finished = [a for a in stats["exam_attempts"] if a["finished_at"]][:LAST_ATTEMPTS]
        bank = self.ctx.bank
        titles = {bp.id: bp.title for bp in bank.exams.values()} if bank is not None else {}
        if finished:
            lines = [attempt_line(a, titles) for a in finished]
            self.query_one("#attempts", Static).update("\n".join(lines))
        else:
            self.query_one("#attempts", Static).update(t("home.no_attempts"))
        self.query_one(PlanPanel).refresh_plan()  # after the numbers above: it takes longer

"""실기 연습: every practical task with its pages, status (not tried / failed / passed), best
score and number of submissions; tasks due for review first; filterable by pages.
enter opens the editor; `quizapp practice TASK_ID` opens a task directly (the list stays
underneath, so escape comes back to it)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Input, Static

from question_bank import PageRange, format_pages, parse_pages_arg
from quizapp.formatting import clip
from quizapp.store import StoreError
from quizapp.study.practice_view import TaskSummary, format_score, task_summaries

from .base import QuizScreen
from .task_practice import PracticeTaskScreen

STATUS_MARKS = {"new": "·", "failed": "✗", "passed": "✓"}
MAX_TITLE = 40  # terminal cells: a Korean character takes two
NARROW_TITLE = 24  # below 100 columns: status, best score and tries stay in view
MAX_PAGES = 16


class PracticeScreen(QuizScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("ctrl+f", "focus_filter", "Filter by pages", id="filter"),
    ]

    def __init__(self, task_id: str | None = None) -> None:
        super().__init__()
        self.task_id = task_id
        self.pages: tuple[PageRange, ...] | None = None
        self.rows: list[TaskSummary] = []

    def compose(self) -> ComposeResult:
        t = self.t
        yield Header()
        with Horizontal(id="practice-filters"):
            yield Input(placeholder=t("practice.pages"), id="practice-pages")
        yield Static("", id="practice-count", classes="muted", markup=False)
        yield DataTable(id="practice-tasks", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        t = self.t
        self.sub_title = t("practice.title")
        table = self.query_one(DataTable)
        table.add_column(t("practice.col.due"), key="due")
        table.add_column(t("practice.col.task"), key="title")
        table.add_column(t("col.pages"), key="pages")
        table.add_column(t("practice.col.status"), key="status")
        table.add_column(t("practice.col.best"), key="best")
        table.add_column(t("practice.col.attempts"), key="attempts")
        self.reload()
        table.focus()
        if self.task_id is not None:
            self.open_task(self.task_id)

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        service = self.ctx.service
        assert service is not None
        t = self.t
        try:
            self.rows = task_summaries(service, self.pages)
        except StoreError as exc:
            self.notify(exc.text(self.lang), severity="error", markup=False)
            return
        table = self.query_one(DataTable)
        selected = self.selected_id()
        table.clear()
        cells = MAX_TITLE if self.wide else NARROW_TITLE
        for row in self.rows:
            title = clip(" ".join(row.task.title.split()), cells)
            best = "—" if row.best_score is None else format_score(row.best_score, row.task.points)
            table.add_row(
                "●" if row.due else "",
                Text(title),  # the title students read (the id is for `quizapp practice ID`)
                clip(format_pages(row.task.pages), MAX_PAGES),
                f"{STATUS_MARKS[row.status]} {t(f'practice.status.{row.status}')}",
                Text(best, justify="right"),
                Text(str(row.attempts), justify="right"),
                key=row.id,
            )
        ids = [row.id for row in self.rows]
        if selected in ids:
            table.move_cursor(row=ids.index(selected), animate=False)
        due = sum(row.due for row in self.rows)
        passed = sum(row.status == "passed" for row in self.rows)
        self.query_one("#practice-count", Static).update(
            t("practice.count", shown=len(self.rows), due=due, passed=passed)
            if self.rows
            else t("practice.none")
        )

    def selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.rows or table.row_count == 0:
            return None
        row = table.cursor_row
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    @on(Input.Changed, "#practice-pages")
    def pages_changed(self, event: Input.Changed) -> None:
        text = event.value.strip()
        if not text:
            self.pages = None
        else:
            try:
                self.pages = tuple(parse_pages_arg(text))
            except ValueError as exc:
                self.query_one("#practice-count", Static).update(
                    self.t("browse.bad_pages", error=exc)
                )
                return
        self.reload()

    @on(Input.Submitted, "#practice-pages")
    def to_list(self) -> None:
        self.query_one(DataTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#practice-pages", Input).focus()

    @on(DataTable.RowSelected, "#practice-tasks")
    def selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_task(event.row_key.value)

    def open_task(self, task_id: str) -> None:
        bank = self.ctx.bank
        task = bank.tasks.get(task_id) if bank is not None else None
        if task is None:
            self.notify(self.t("practice.unknown_task", task=task_id), severity="error")
            return
        self.app.push_screen(PracticeTaskScreen(task))

"""The submissions of one task, newest first: moving through the list shows each one's code
and check report; `u` takes that code back into the editor (the screen returns it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Static, TextArea

from quizapp.study.practice_view import format_duration, format_score, format_when

from ..widgets.check_report import CheckReport
from .base import QuizScreen

if TYPE_CHECKING:
    from question_bank import Task
    from quizapp.store import Submission


class HistoryScreen(QuizScreen[str | None]):
    BINDINGS = [
        Binding("escape", "close", "Back", id="back"),
        Binding("u", "use_code", "Use this code", id="use-code"),
    ]

    def __init__(self, task: Task, submissions: list[Submission]) -> None:
        super().__init__()
        self.practice_task = task
        self.submissions = submissions
        self.shown: Submission | None = None

    def compose(self) -> ComposeResult:
        t = self.t
        yield Header()
        yield Static("", id="history-count", classes="muted")
        with Horizontal(id="history-body"):
            yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
            with Vertical(id="history-detail"):
                yield TextArea.code_editor("", language="python", read_only=True, id="history-code")
                yield CheckReport(t, self.ctx.lang, id="history-report")
        yield Footer()

    def on_mount(self) -> None:
        t = self.t
        self.sub_title = t("history.title", title=self.practice_task.title)
        table = self.query_one(DataTable)
        table.add_column("#", key="number")
        table.add_column(t("history.col.when"), key="when")
        table.add_column(t("history.col.result"), key="result")
        table.add_column(t("history.col.score"), key="score")
        table.add_column(t("history.col.time"), key="time")
        total = len(self.submissions)
        for index, sub in enumerate(self.submissions):
            mark = f"✓ {t('report.passed_word')}" if sub.passed else f"✗ {t('report.failed_word')}"
            table.add_row(
                str(total - index),
                format_when(sub.submitted_at),
                mark,
                format_score(sub.score, sub.max_score),
                format_duration(sub.duration_s),
                key=str(sub.id),
            )
        count = self.query_one("#history-count", Static)
        if not self.submissions:
            count.update(t("history.empty"))
            self.query_one("#history-detail").display = False
            return
        count.update(t("history.count", count=total))
        self.show(self.submissions[0])
        table.focus()

    @on(DataTable.RowHighlighted)
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        found = [s for s in self.submissions if str(s.id) == event.row_key.value]
        if found:
            self.show(found[0])

    def show(self, submission: Submission) -> None:
        self.shown = submission
        self.query_one("#history-code", TextArea).load_text(submission.code)
        self.query_one("#history-report", CheckReport).show_grade(submission.result)

    def action_use_code(self) -> None:
        if self.shown is not None:
            self.dismiss(self.shown.code)

    def action_close(self) -> None:
        self.dismiss(None)

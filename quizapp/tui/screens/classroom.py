"""The class report (command palette: "class report"): every profile of the store in use in
one table, then what the class finds hard — what ``quizapp class report`` prints.

Only a store that several students share has a class: with one profile the screen
says so. The report is built in a thread worker from :mod:`quizapp.classroom.report`;
this screen only shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static

from .base import QuizScreen

if TYPE_CHECKING:
    from quizapp.classroom.report import ClassReport


class ReportBuilt(Message, bubble=False):
    """The class report, or None when the store has only one profile."""

    def __init__(self, report: ClassReport | None) -> None:
        super().__init__()
        self.report = report


class ClassScreen(QuizScreen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="back")]
    DEFAULT_CSS = """
    #class-table { height: auto; max-height: 60%; margin: 1 0; }
    #class-summary { padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="class"):
            yield Static(self.t("app.loading"), id="class-title", markup=False)
            yield DataTable(id="class-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="class-summary", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.t("class.screen_title")
        self.query_one(DataTable).display = False
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="class-report")
    def load(self) -> ReportBuilt:
        """The report, or None when the store has only one profile."""
        from quizapp.classroom.report import build_report
        from quizapp.store import Classroom

        app = self.ctx
        assert app.store is not None and app.bank is not None
        classroom = Classroom(app.store.db)  # the app's own database; the app closes it
        if len(classroom.profiles()) < 2:
            return ReportBuilt(None)
        return ReportBuilt(build_report(classroom, app.bank, now=app.clock()))

    @on(ReportBuilt)
    def built(self, event: ReportBuilt) -> None:
        if event.report is None:
            self.query_one("#class-title", Static).update(self.t("class.single_profile"))
        else:
            self.show(event.report)

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        message = self.t("class.error", error=error)
        self.query_one("#class-title", Static).update(message)
        self.notify(message, severity="error", markup=False)

    def show(self, report: ClassReport) -> None:
        from quizapp.classroom.report_view import student_rows, summary_lines, title_line

        lang = self.lang
        self.query_one("#class-title", Static).update(title_line(report, lang))
        table = self.query_one(DataTable)
        header, *rows = student_rows(report, lang)
        table.clear(columns=True)
        table.add_columns(*header)
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))  # plain text, never markup
        table.display = True
        self.query_one("#class-summary", Static).update("\n".join(summary_lines(report, lang)))

"""오답노트: the items answered wrong (until answered right), retried in place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from question_bank import format_pages
from quizapp.student_text import list_line

from .base import QuizScreen
from .study import StudyScreen

if TYPE_CHECKING:
    from quizapp.study import CardRef


class MistakesScreen(QuizScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("r", "retry_all", "Retry all", id="retry-all"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="mistakes-count", classes="muted")
        yield DataTable(id="mistakes", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        t = self.t
        self.sub_title = t("mistakes.title")
        table = self.query_one(DataTable)
        table.add_column(t("col.type"), key="type")
        table.add_column(t("col.pages"), key="pages")
        table.add_column(t("col.text"), key="text")
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        service = self.ctx.service
        assert service is not None
        self.refs = service.mistakes()
        t = self.t
        table = self.query_one(DataTable)
        table.clear()
        for ref in self.refs:
            content = service.catalogue.content(ref)
            table.add_row(
                t(f"type.{ref.type}"),
                format_pages(ref.pages),
                # the question, masked: never the answer, never an id; cut to the screen
                list_line(content, max(24, self.app.size.width - 20)),
                key=ref.card_id,
            )
        self.query_one("#mistakes-count", Static).update(
            t("mistakes.count", count=len(self.refs)) if self.refs else t("mistakes.none")
        )

    def start(self, refs: list[CardRef]) -> None:
        service = self.ctx.service
        if service is None or not refs:
            return
        self.app.push_screen(StudyScreen(service.session(refs, requeue=False), mode="mistakes"))

    def action_retry_all(self) -> None:
        self.start(self.refs)

    @on(DataTable.RowSelected)
    def retry_one(self, event: DataTable.RowSelected) -> None:
        self.start([r for r in self.refs if r.card_id == event.row_key.value])

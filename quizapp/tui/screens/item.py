"""One item or task shown whole: question, answer, explanation and pages."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown

from ...render import full_markdown
from .base import QuizScreen


class ItemScreen(QuizScreen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="back")]

    def __init__(self, entry: Any) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="item"):
            yield Markdown(full_markdown(self.entry, self.lang), id="item-body")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.entry.id
        self.query_one("#item", VerticalScroll).focus()

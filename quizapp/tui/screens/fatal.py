"""A problem that stops the app (a database that cannot be opened, a missing bank folder),
shown as one clear message instead of a traceback."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...i18n import translate


class FatalScreen(Screen[None]):
    BINDINGS = [Binding("escape,q", "app.quit", "Quit", id="quit")]

    def __init__(self, message: str, lang: str) -> None:
        super().__init__()
        self.message = message
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Static(translate("fatal.title", self.lang), classes="title error")
        yield Static(self.message, id="fatal-message", markup=False)
        yield Static(translate("fatal.hint", self.lang), classes="muted")
        yield Footer()

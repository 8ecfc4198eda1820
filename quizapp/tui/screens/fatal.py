"""A problem that stops the app (a database that cannot be opened, a missing bank folder),
shown as one clear message instead of a traceback."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

from .base import QuizScreen


class FatalScreen(QuizScreen[None]):
    BINDINGS = [Binding("escape,q", "leave", "Quit", id="quit")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        yield Static(self.t("fatal.title"), classes="title error")
        yield Static(self.message, id="fatal-message", markup=False)
        yield Static(self.t("fatal.hint"), classes="muted")
        yield Footer()

    def action_leave(self) -> None:
        """Quit with exit status 1: the app could not start."""
        self.app.exit(return_code=1)

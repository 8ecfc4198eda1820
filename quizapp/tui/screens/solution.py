"""A task's reference solution, read-only, over the editor (opened only after a submission)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from .base import QuizModalScreen


class SolutionScreen(QuizModalScreen[None]):
    BINDINGS = [Binding("escape,ctrl+l", "app.pop_screen", "Close", id="close")]

    def __init__(self, heading: str, code: str) -> None:
        super().__init__()
        self.heading = heading
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical(id="solution"):
            yield Static(self.heading, id="solution-title", classes="section-title", markup=False)
            yield TextArea.code_editor(
                self.code, language="python", read_only=True, id="solution-code"
            )
            yield Static(self.t("solution.hint"), classes="muted")

    def on_mount(self) -> None:
        self.query_one("#solution-code", TextArea).focus()

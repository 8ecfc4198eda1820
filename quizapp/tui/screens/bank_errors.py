"""Shown instead of the app when the bank has problems: the same lines as `quizapp bank check`."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from question_bank import Problem

from ...i18n import translate


class BankErrorsScreen(Screen[None]):
    BINDINGS = [Binding("escape,q", "app.quit", "Quit", id="quit")]

    def __init__(self, problems: list[Problem], lang: str) -> None:
        super().__init__()
        self.problems = problems
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Static(translate("errors.title", self.lang), classes="title error")
        yield Static(
            translate("errors.intro", self.lang, count=len(self.problems)), classes="muted"
        )
        with VerticalScroll(id="problems"):
            for problem in self.problems:
                yield Static(str(problem), classes="problem", markup=False)
        yield Footer()

"""Shown instead of the app when the bank has problems: the same lines as `quizapp bank check`."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from question_bank import Problem

from .base import QuizScreen


class BankErrorsScreen(QuizScreen[None]):
    BINDINGS = [Binding("escape,q", "app.quit", "Quit", id="quit")]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        yield Static(self.t("errors.title"), classes="title error")
        yield Static(self.t("errors.intro", count=len(self.problems)), classes="muted")
        with VerticalScroll(id="problems"):
            for problem in self.problems:
                text = problem.in_lang(self.lang)
                yield Static(text, classes="problem", markup=False)
        yield Footer()

"""Submitting a mock exam before the time is up: a confirmation that names the questions
still unanswered (and the ones flagged for review) by number. Returns True to submit."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from quizapp.i18n import Translate

from .base import QuizModalScreen


def numbers(indexes: Sequence[int]) -> str:
    """Question numbers as the student sees them (1-based): "3, 7, 12"."""
    return ", ".join(str(i + 1) for i in indexes)


def confirm_text(unanswered: Sequence[int], flagged: Sequence[int], left: str, t: Translate) -> str:
    lines = [t("exam.confirm.left", left=left)]
    if unanswered:
        lines.append(
            t("exam.confirm.unanswered", count=len(unanswered), numbers=numbers(unanswered))
        )
    else:
        lines.append(t("exam.confirm.all_answered"))
    if flagged:
        lines.append(t("exam.confirm.flagged", count=len(flagged), numbers=numbers(flagged)))
    lines.append(t("exam.confirm.question"))
    return "\n".join(lines)


class ExamSubmitScreen(QuizModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Submit", id="exam-confirm-yes"),
        Binding("n,escape", "answer(False)", "Keep going", id="exam-confirm-no"),
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="exam-confirm"):
            yield Static(self.t("exam.confirm.title"), classes="section-title")
            yield Static(self.text, id="exam-confirm-text", markup=False)
            with Horizontal(id="exam-confirm-buttons"):
                yield Button(self.t("exam.confirm.yes"), id="exam-confirm-submit", variant="error")
                yield Button(self.t("exam.confirm.no"), id="exam-confirm-cancel", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#exam-confirm-cancel", Button).focus()  # enter alone never submits

    def action_answer(self, submit: bool) -> None:
        self.dismiss(submit)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "exam-confirm-submit")

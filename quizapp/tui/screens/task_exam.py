"""A mock exam's task: the same editor saves the code as the attempt's answer instead of
a practice draft, shows the exam's countdown, and neither grades (the hidden tests run
when the exam is submitted) nor opens the submission history or the reference
solution; ctrl+s only saves, ctrl+r still runs the code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from ..widgets.countdown import Countdown
from .task import TaskScreen

if TYPE_CHECKING:
    from question_bank import Task


@dataclass(frozen=True)
class ExamEditing:
    """The editor inside a mock exam: where the code comes from and goes to, and the clock."""

    code: str | None  # the answer stored in the attempt; None opens the starter code
    save: Callable[[str], None]  # stores the code as the answer (raises StoreError)
    remaining: Callable[[], timedelta]  # the attempt's time left
    label: str  # "모의고사 · 문항 26/28"
    points: float  # what the task is worth in this exam


PRACTICE_ONLY = frozenset({"submit", "regrade", "history", "solution"})


class ExamTaskScreen(TaskScreen):
    RAN_OK = "task.exam_ran_ok"

    def __init__(self, task: Task, exam: ExamEditing) -> None:
        super().__init__(task)
        self.exam = exam

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+s saves instead of grading, and nothing reveals a solution."""
        if action == "save_answer":
            return True
        if action in PRACTICE_ONLY:
            return False
        return super().check_action(action, parameters)

    def idle_key(self) -> str:
        return "task.exam_idle"

    def top_bar(self) -> Widget | None:
        return Horizontal(
            Static(self.exam.label, id="task-exam-label", markup=False),
            Countdown(self.exam.remaining, self.t("exam.countdown"), id="task-countdown"),
            id="task-exam-bar",
        )

    def prompt_markdown(self) -> str:
        """No page hint in an exam; the section's points."""
        points = self.t("task.points", points=f"{self.exam.points:g}")
        return f"## {self.practice_task.title}\n\n{self.practice_task.prompt}\n\n_{points}_"

    def stored_code(self) -> str | None:
        return self.exam.code

    def store_code(self, text: str) -> None:
        self.exam.save(text)

    def action_save_answer(self) -> None:
        """ctrl+s: store the code now (it is also saved as you type)."""
        self.flush_draft()
        if self.editor.text == self.saved_text:
            self.set_status(self.t("task.exam_saved"))

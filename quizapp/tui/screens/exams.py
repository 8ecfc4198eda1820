"""The mock exams of the bank: each blueprint's time, questions, points and pass mark,
with the past attempts from the store; enter shows how one is built.

Sitting an exam comes with the next version; this screen says so and does not
pretend to start one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker, WorkerState

from .exam_blueprint import BlueprintScreen, attempt_result, percent_text

if TYPE_CHECKING:
    from question_bank import Blueprint
    from quizapp.store import ExamAttempt

    from ..app import QuizApp


def points_text(points: float) -> str:
    return f"{points:g}"


class ExamsScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="back")]

    def __init__(self) -> None:
        super().__init__()
        self.attempts: dict[str, list[ExamAttempt]] = {}

    @property
    def quiz_app(self) -> QuizApp:
        return self.app  # type: ignore[return-value]

    @property
    def blueprints(self) -> list[Blueprint]:
        bank = self.quiz_app.bank
        return list(bank.exams.values()) if bank is not None else []

    def t(self, key: str, **values: object) -> str:
        return self.quiz_app.t(key, **values)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("exams.next_version"), id="exams-note")
        yield DataTable(id="blueprints", cursor_type="row", zebra_stripes=True)
        yield Static(self.t("exams.hint"), id="exams-hint", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.t("exams.title")
        table = self.query_one("#blueprints", DataTable)
        for key in ("title", "minutes", "sections", "points", "pass", "attempts"):
            table.add_column(self.t(f"exams.col.{key}"), key=key)
        self.fill()
        if not self.blueprints:
            self.query_one("#exams-hint", Static).update(self.t("exams.none"))
        self.load_attempts()

    @work(thread=True, exclusive=True, exit_on_error=False, group="exam-attempts")
    def load_attempts(self) -> dict[str, list[ExamAttempt]]:
        store = self.quiz_app.store
        assert store is not None
        found: dict[str, list[ExamAttempt]] = {}
        for attempt in store.exams.attempts():  # newest first
            found.setdefault(attempt.blueprint, []).append(attempt)
        return found

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "exam-attempts":
            return
        if event.state == WorkerState.SUCCESS:
            self.attempts = event.worker.result
            self.fill()
        elif event.state == WorkerState.ERROR:
            message = self.t("exams.error", error=event.worker.error)
            self.notify(message, severity="error", markup=False)

    def attempts_text(self, blueprint: str) -> str:
        """Count, best score and the newest result: "3회 · 최고 75% · 최근 33.3% 불합격"."""
        attempts = self.attempts.get(blueprint, [])
        if not attempts:
            return self.t("exams.no_attempts")
        scored = [a.score_percent for a in attempts if a.score_percent is not None]
        best = percent_text(max(scored)) if scored else "—"
        score, result = attempt_result(attempts[0], self.t)
        last = result if score == "—" else f"{score} {result}"
        return self.t("exams.attempts", count=len(attempts), best=best, last=last)

    def sections_text(self, blueprint: Blueprint) -> str:
        """Questions per kind: "필기 25 · 실기 3"."""
        counts: dict[str, int] = {}
        for section in blueprint.sections:
            counts[section.kind] = counts.get(section.kind, 0) + section.size()
        return " · ".join(
            self.t("exams.kind_count", kind=self.t(f"exams.kind.{kind}"), count=count)
            for kind, count in counts.items()
        )

    def fill(self) -> None:
        table = self.query_one("#blueprints", DataTable)
        table.clear()
        for bp in self.blueprints:
            table.add_row(
                Text(bp.title),  # plain text, never markup
                self.t("exams.minutes", minutes=f"{bp.minutes:g}"),
                self.sections_text(bp),
                points_text(bp.max_points),
                f"{bp.pass_percent:g}%",
                self.attempts_text(bp.id),
                key=bp.id,
            )

    @on(DataTable.RowSelected, "#blueprints")
    def open_blueprint(self, event: DataTable.RowSelected) -> None:
        bank = self.quiz_app.bank
        blueprint = bank.exams.get(str(event.row_key.value)) if bank is not None else None
        if blueprint is not None:
            attempts = self.attempts.get(blueprint.id, [])
            self.app.push_screen(BlueprintScreen(blueprint, attempts, self.quiz_app.lang))

"""The mock exams of the bank: each blueprint's time, questions, points and pass mark,
with the past attempts from the store (and the one still running, with its time left);
enter shows how one is built and starts it from there, s starts (or resumes) it at once,
v reviews the last finished attempt again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static

from quizapp.exam.view import format_clock
from quizapp.formatting import points

from .base import QuizScreen
from .exam_blueprint import BlueprintScreen, attempt_result, percent_text

if TYPE_CHECKING:
    from question_bank import Blueprint
    from quizapp.store import ExamAttempt

NARROW = {"title": 16, "sections": 16, "attempts": 14}  # below the wide layout, wrapped


class AttemptsRead(Message, bubble=False):
    """The store's attempts, newest first, by blueprint."""

    def __init__(self, attempts: dict[str, list[ExamAttempt]]) -> None:
        super().__init__()
        self.attempts = attempts


class ExamsScreen(QuizScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("s", "start", "Start", id="exam-start"),
        Binding("v", "last_results", "Last results", id="exam-last-results"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.attempts: dict[str, list[ExamAttempt]] = {}

    @property
    def blueprints(self) -> list[Blueprint]:
        bank = self.ctx.bank
        return list(bank.exams.values()) if bank is not None else []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="exams-note", markup=False)
        yield DataTable(id="blueprints", cursor_type="row", zebra_stripes=True)
        yield Static(self.t("exams.hint"), id="exams-hint", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.t("exams.title")
        self.query_one("#exams-note", Static).display = False
        self.apply_layout()
        if not self.blueprints:
            self.query_one("#exams-hint", Static).update(self.t("exams.none"))

    def lay_out(self) -> None:
        table = self.query_one("#blueprints", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        for key in ("title", "minutes", "sections", "points", "pass", "attempts"):
            # at 80 columns a long title and sections wrap: the attempts column stays in view
            width = None if self.wide else NARROW.get(key)
            table.add_column(self.t(f"exams.col.{key}"), key=key, width=width)
        self.fill()
        table.move_cursor(row=row, animate=False)

    def on_screen_resume(self) -> None:
        """Shown first, or back from an exam: the attempts may have changed."""
        self.load_attempts()

    @work(thread=True, exclusive=True, exit_on_error=False, group="exam-attempts")
    def load_attempts(self) -> AttemptsRead:
        store = self.ctx.store
        assert store is not None
        found: dict[str, list[ExamAttempt]] = {}
        for attempt in store.exams.attempts():  # newest first
            found.setdefault(attempt.blueprint, []).append(attempt)
        return AttemptsRead(found)

    @on(AttemptsRead)
    def read(self, event: AttemptsRead) -> None:
        self.attempts = event.attempts
        self.fill()
        self.show_running()

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        message = self.t("exams.error", error=error)
        self.notify(message, severity="error", markup=False)

    def running(self, attempt: ExamAttempt) -> str | None:
        """ "진행 중 (남은 12:34)" for an unfinished attempt; None for a finished one."""
        runner = self.ctx.exam_runner
        if attempt.finished or runner is None:
            return None
        if attempt.submitted:
            return self.t("exams.to_grade")
        if runner.expired(attempt):
            return self.t("exams.time_up")
        return self.t("exams.running", left=format_clock(runner.remaining(attempt)))

    def attempts_text(self, blueprint: str) -> str:
        """Count, best score and the newest result: "3회 · 최고 75% · 최근 33.3% 불합격",
        or the attempt still running: "3회 · 최고 75% · 진행 중 (남은 12:34)"."""
        attempts = self.attempts.get(blueprint, [])
        if not attempts:
            return self.t("exams.no_attempts")
        scored = [a.score_percent for a in attempts if a.score_percent is not None]
        best = percent_text(max(scored)) if scored else "—"
        running = self.running(attempts[0])
        if running is not None:
            return self.t("exams.attempts_running", count=len(attempts), best=best, now=running)
        score, result = attempt_result(attempts[0], self.t)
        last = result if score == "—" else f"{score} {result}"
        return self.t("exams.attempts", count=len(attempts), best=best, last=last)

    def show_running(self) -> None:
        """Above the table: the attempt still running, if any, and how to get back to it."""
        note = ""
        for blueprint in self.blueprints:
            attempts = self.attempts.get(blueprint.id, [])
            running = self.running(attempts[0]) if attempts else None
            if running is not None:
                note = self.t("exams.running_note", title=blueprint.title, now=running)
                table = self.query_one("#blueprints", DataTable)
                table.move_cursor(row=table.get_row_index(blueprint.id))
                break
        note_widget = self.query_one("#exams-note", Static)
        note_widget.update(note)
        note_widget.display = bool(note)

    def highlighted_blueprint(self) -> str | None:
        table = self.query_one("#blueprints", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if key is None else str(key)

    def action_start(self) -> None:
        """Resume the running attempt at once; a new timed attempt asks first (title,
        minutes, sections): its clock cannot be stopped once started."""
        blueprint_id = self.highlighted_blueprint()
        bank = self.ctx.bank
        blueprint = bank.exams.get(blueprint_id or "") if bank is not None else None
        if blueprint is None:
            return
        attempts = self.attempts.get(blueprint.id, [])
        if attempts and not attempts[0].finished:
            self.ctx.exams.open(blueprint.id)
            return
        text = self.t(
            "exams.start_confirm",
            minutes=f"{blueprint.minutes:g}",
            sections=self.sections_text(blueprint),
            points=points(blueprint.max_points),
            pass_percent=f"{blueprint.pass_percent:g}",
        )
        self.ctx.exams.confirm_start(blueprint.id, blueprint.title, text)

    def action_last_results(self) -> None:
        """The newest finished attempt of the highlighted blueprint, reviewed again."""
        blueprint = self.highlighted_blueprint()
        finished = [a for a in self.attempts.get(blueprint or "", []) if a.finished]
        if not finished:
            self.notify(self.t("exams.no_results"), timeout=3)
            return
        from .exam_results import ExamResultsScreen

        self.app.push_screen(ExamResultsScreen(finished[0]))

    def sections_text(self, blueprint: Blueprint) -> str:
        """Questions per kind: "필기 25 · 실기 4" (a section of one task kind counts as 실기)."""
        counts: dict[str, int] = {}
        for section in blueprint.sections:
            kind = "practical" if section.practical else "written"
            counts[kind] = counts.get(kind, 0) + section.size()
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
                points(bp.max_points),
                f"{bp.pass_percent:g}%",
                self.attempts_text(bp.id),
                key=bp.id,
                height=None,  # as many lines as the wrapped title takes
            )

    @on(DataTable.RowSelected, "#blueprints")
    def open_blueprint(self, event: DataTable.RowSelected) -> None:
        bank = self.ctx.bank
        blueprint = bank.exams.get(str(event.row_key.value)) if bank is not None else None
        if blueprint is not None:
            attempts = self.attempts.get(blueprint.id, [])
            self.app.push_screen(BlueprintScreen(blueprint, attempts))

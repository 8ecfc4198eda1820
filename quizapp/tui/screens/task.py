"""One practical task: the prompt beside a Python code editor.

ctrl+r runs the code in the sandbox (its output is the student's to see); ctrl+s
grades it against the hidden tests (no output comes back from a graded run), records
the submission and rates the task's card; escape cancels a running job before it
leaves. Should the grader itself fail, nothing is recorded and f5 grades again.

Opened from a study session (``session=...``: review, quiz, cram, mistakes) the
submission is the session's answer to the task's card: counted once, after which
escape goes back to the session with the outcome. The draft is saved at most a second after a change
and whenever the screen is left, so a crash loses at most the last second of typing.
Grading happens in the app's grader (its own processes); this screen waits for the
verdict in a worker thread and stays responsive.

Tab indents in the editor, so f2 goes to the task's text and f4 to the grader's report
(arrows and PgUp/PgDn scroll them; the same key comes back to the editor). Below 100
columns the text sits full-width above the editor and f2 gives it the whole screen; a
table too wide for the text's pane is shown as a list (:mod:`quizapp.markdown_fit`).

In a mock exam (``exam=ExamEditing(...)``) the same editor saves the code as the
attempt's answer instead of a practice draft, shows the exam's countdown, and
neither grades (the hidden tests run when the exam is submitted) nor opens the
submission history or the reference solution; ctrl+s only saves.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import CancelledError
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Footer, Header, Markdown, Static, TextArea
from textual.worker import Worker, WorkerState

from grader.result import GradeResult, RunResult
from question_bank import TrainingTask
from quizapp.store import StoreError
from quizapp.study.practice_view import can_reveal_solution, format_duration, format_score

from ...markdown_fit import fit_tables
from ...render import page_line
from ..external_editor import EditorError, edit_in_editor, editor_command
from ..widgets.check_report import CheckReport
from ..widgets.countdown import Countdown
from ..widgets.training_panel import TrainingPanel
from .base import QuizScreen

if TYPE_CHECKING:
    from grader import Handle
    from question_bank import Task
    from quizapp.study import Outcome, StudySession


AUTOSAVE_S = 1.0  # a draft is never older than this while the app runs
JobKind = Literal["grade", "run"]


@dataclass(frozen=True)
class Graded:
    result: GradeResult
    counted: bool  # recorded as an attempt (not when the grader or the store failed)
    due: datetime | None = None  # when the task's card comes back, if it was scheduled
    store_error: str | None = None


@dataclass(frozen=True)
class Ran:
    result: RunResult


@dataclass(frozen=True)
class Cancelled:
    kind: JobKind


@dataclass(frozen=True)
class ExamEditing:
    """The editor inside a mock exam: where the code comes from and goes to, and the clock."""

    code: str | None  # the answer stored in the attempt; None opens the starter code
    save: Callable[[str], None]  # stores the code as the answer (raises StoreError)
    remaining: Callable[[], timedelta]  # the attempt's time left
    label: str  # "모의고사 · 문항 26/28"
    points: float  # what the task is worth in this exam


PRACTICE_ONLY = frozenset({"submit", "history", "solution"})


class TaskScreen(QuizScreen["Outcome | None"]):
    BINDINGS = [
        Binding("escape", "back", "Back / cancel", id="back", priority=True),
        Binding("ctrl+s", "submit", "Submit", id="submit"),
        Binding("ctrl+s", "save_answer", "Save", id="exam-save"),
        Binding("f5", "regrade", "Grade again", id="task-regrade"),
        Binding("ctrl+r", "run", "Run", id="run"),
        # Tab indents in the editor, so the other panes have their own keys (each toggles
        # back to the editor): the task's text and the grader's report scroll from there
        Binding("f2", "pane('prompt')", "Task", id="task-pane-prompt"),
        Binding("f4", "pane('report')", "Result", id="task-pane-report"),
        Binding("ctrl+g", "history", "History", id="history"),
        Binding("ctrl+l", "solution", "Solution", id="solution"),
        Binding("ctrl+o", "external_editor", "$EDITOR", id="external-editor"),
    ]

    NARROW = 100  # below this many columns the task's text sits above the editor

    def __init__(
        self, task: Task, exam: ExamEditing | None = None, session: StudySession | None = None
    ) -> None:
        super().__init__()
        self.practice_task = task
        self.exam = exam
        self.session = session
        self.outcome: Outcome | None = None  # the session's answer, once counted
        self.saved_text = ""
        self.handle: Handle | None = None
        self.job: JobKind | None = None
        self.job_started = 0.0
        self.save_timer: Timer | None = None
        self.last: Graded | Ran | Cancelled | None = None
        self.training = task if isinstance(task, TrainingTask) else None
        self.prompt_shown = ""  # the task's text as shown (tables fitted to the pane)

    @property
    def editor(self) -> TextArea:
        return self.query_one("#task-editor", TextArea)

    @property
    def report(self) -> CheckReport:
        return self.query_one("#task-report", CheckReport)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In an exam, ctrl+s saves instead of grading, and nothing reveals a solution; in
        a study session the task is submitted once; f5 shows after a grader failure."""
        if action == "save_answer":
            return self.exam is not None
        if action == "submit" and self.outcome is not None:
            return False
        if action == "regrade":
            return self.grader_failed()
        if action == "pane" and parameters == ("report",):
            return self.is_mounted and bool(self.report.display)
        if action in PRACTICE_ONLY:
            return self.exam is None
        return True

    def grader_failed(self) -> bool:
        last = self.last
        return isinstance(last, Graded) and last.result.internal

    def compose(self) -> ComposeResult:
        yield Header()
        if self.exam is not None:
            with Horizontal(id="task-exam-bar"):
                yield Static(self.exam.label, id="task-exam-label", markup=False)
                yield Countdown(self.exam.remaining, self.t("exam.countdown"), id="task-countdown")
        self.prompt_shown = self.prompt_markdown()
        with Horizontal(id="task-body"):
            with VerticalScroll(id="task-prompt"):
                yield Markdown(self.prompt_shown, id="task-prompt-text")
            with Vertical(id="task-work"):
                yield TextArea.code_editor("", language="python", id="task-editor")
                yield CheckReport(self.t, self.lang, id="task-report")
                if self.training is not None and self.exam is None:
                    yield TrainingPanel(
                        self.t,
                        self.lang,
                        self.training.id,
                        self.training.target,
                        metric=self.training.metric,
                        id="task-training",
                    )
        idle = self.t("task.idle" if self.exam is None else "task.exam_idle")
        if self.training is not None and self.exam is None:
            idle = self.t("training.idle")
        yield Static(idle, id="task-status", classes="muted", markup=False)
        yield Footer()

    def prompt_markdown(self) -> str:
        if self.exam is not None:  # no page hint in an exam; the section's points
            points = self.t("task.points", points=f"{self.exam.points:g}")
            return f"## {self.practice_task.title}\n\n{self.practice_task.prompt}\n\n_{points}_"
        where = page_line(self.practice_task, self.quiz_app.lang)
        points = self.t("task.points", points=f"{self.practice_task.points:g}")
        footer = f"\n\n_{where} · {points}_" if where else f"\n\n_{points}_"
        return f"## {self.practice_task.title}\n\n{self.practice_task.prompt}{footer}"

    def on_resize(self) -> None:
        self.set_class(self.size.width < self.NARROW, "-narrow")
        if not self.has_class("-narrow"):
            self.remove_class("-reading")
        self.call_after_refresh(self.fit_prompt)

    def fit_prompt(self) -> None:
        """The task's text for the pane's width: a table too wide for it becomes a list."""
        pane = self.query_one("#task-prompt", VerticalScroll)
        text = fit_tables(self.prompt_markdown(), pane.scrollable_content_region.width)
        if text != self.prompt_shown:
            self.prompt_shown = text
            self.query_one("#task-prompt-text", Markdown).update(text)

    def action_pane(self, name: str) -> None:
        """f2 / f4: to the task's text or the report (arrows and PgUp/PgDn scroll it), and
        back to the editor when pressed there. At 80 columns the text fills the screen."""
        pane = self.query_one("#task-prompt" if name == "prompt" else "#task-report")
        if self.focused is pane or not pane.display:
            self.remove_class("-reading")
            self.editor.focus()
            return
        self.set_class(name == "prompt" and self.has_class("-narrow"), "-reading")
        pane.focus()

    def on_mount(self) -> None:
        self.sub_title = self.practice_task.title
        self.report.display = False
        self.ticker = self.set_interval(0.2, self.show_progress, pause=True)
        text = self.load_code()
        self.saved_text = text
        self.editor.load_text(text)
        self.editor.focus()
        self.show_attempts()

    def show_attempts(self) -> None:
        """A training task's attempt history and leaderboard, as the store has them now."""
        if self.training is None or self.exam is not None:
            return
        service = self.quiz_app.service
        assert service is not None
        try:
            history = service.practice.history(self.training.id)
            standings = service.practice.leaderboard(self.training.id, self.training.metric)
        except StoreError as exc:
            self.notify(exc.text(self.lang), severity="error", markup=False)
            return
        metrics = [s.result.training.metric if s.result.training else None for s in history]
        self.query_one(TrainingPanel).show(metrics[::-1], standings)

    def load_code(self) -> str:
        """The saved draft (in an exam: the saved answer), else the last submitted code (a
        task retried from 오답노트 opens with what was handed in, as LeetCode does), else
        the starter code."""
        service = self.quiz_app.service
        assert service is not None
        draft: str | None
        if self.exam is not None:
            draft = self.exam.code
        else:
            try:
                draft = service.practice.draft(self.practice_task.id)
                if draft is None:
                    submitted = service.practice.history(self.practice_task.id)
                    draft = submitted[0].code if submitted else None
            except StoreError as exc:
                self.notify(exc.text(self.lang), severity="error", markup=False)
                draft = None
        if draft is not None:
            return draft
        try:
            return self.practice_task.read("starter.py")
        except (OSError, UnicodeDecodeError) as exc:
            self.notify(
                self.t("task.unreadable", name="starter.py", error=exc),
                severity="error",
                markup=False,
            )
            return ""

    # -- the draft -----------------------------------------------------------------

    @on(TextArea.Changed, "#task-editor")
    def schedule_save(self) -> None:
        if self.save_timer is None and self.editor.text != self.saved_text:
            self.save_timer = self.set_timer(AUTOSAVE_S, self.flush_draft)

    def flush_draft(self) -> None:
        """Save the editor's text as the task's draft if it changed since the last save."""
        if self.save_timer is not None:
            self.save_timer.stop()
            self.save_timer = None
        service = self.quiz_app.service
        if service is None or not self.is_mounted:
            return
        text = self.editor.text
        if text == self.saved_text:
            return
        try:
            if self.exam is not None:
                self.exam.save(text)
            else:
                service.practice.save_draft(self.practice_task.id, text)
        except StoreError as exc:
            self.notify(
                self.t("task.save_failed", error=exc.text(self.lang)),
                severity="error",
                markup=False,
            )
            return
        self.saved_text = text

    def on_screen_suspend(self) -> None:
        self.flush_draft()

    def on_unmount(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    # -- jobs ------------------------------------------------------------------------

    def busy(self) -> bool:
        if self.job is not None:
            self.notify(self.t("task.busy"), severity="warning")
            return True
        return False

    def start(self, kind: JobKind, mode: Literal["grade", "run"]) -> Handle | None:
        if self.busy():
            return None
        self.flush_draft()
        try:
            handle = self.quiz_app.grader.submit(self.practice_task, self.editor.text, mode=mode)
        except (RuntimeError, ValueError, OSError) as exc:
            self.notify(self.t("task.grader_failed", error=exc), severity="error", markup=False)
            return None
        self.handle, self.job, self.job_started = handle, kind, time.monotonic()
        if self.focused is self.report:
            self.editor.focus()
        self.report.display = False  # the last report no longer describes the code
        self.refresh_bindings()  # and f4 has nothing to go to
        self.show_progress()
        self.ticker.resume()
        return handle

    def action_save_answer(self) -> None:
        """Exam mode's ctrl+s: store the code now (it is also saved as you type)."""
        self.flush_draft()
        if self.editor.text == self.saved_text:
            self.set_status(self.t("task.exam_saved"))

    def action_submit(self) -> None:
        if self.exam is not None:  # never graded inside an exam
            return
        handle = self.start("grade", "grade")
        if handle is not None:
            self.wait_for_grade(handle, self.editor.text)

    def action_regrade(self) -> None:
        """After a grader failure: grade the same code again."""
        if self.grader_failed():
            self.action_submit()

    def action_run(self) -> None:
        handle = self.start("run", "run")
        if handle is not None:
            self.wait_for_run(handle)

    @work(thread=True, exclusive=True, exit_on_error=False, group="task-job")
    def wait_for_grade(self, handle: Handle, code: str) -> Graded | Cancelled:
        """Wait for the verdict, then record it (submission + review in one transaction)."""
        try:
            result = handle.result()
        except CancelledError:
            return Cancelled("grade")
        if not isinstance(result, GradeResult):
            raise TypeError(f"the grader answered {type(result).__name__} for a grade")
        try:
            return self.record(code, result)
        except StoreError as exc:
            return Graded(result, counted=False, store_error=exc.text(self.lang))

    def record(self, code: str, result: GradeResult) -> Graded:
        """Count the verdict: as the session's answer to the task's card, or as practice.
        A grader failure is not counted (both paths leave it out)."""
        if self.session is not None:
            outcome = self.session.submit_task(code, result)
            if outcome is None:
                return Graded(result, counted=False)
            self.outcome = outcome
            return Graded(result, counted=True, due=None if self.session.cram else outcome.due)
        service = self.quiz_app.service
        assert service is not None
        recorded = service.practice.submit(self.practice_task.id, code, result)
        if recorded is None:
            return Graded(result, counted=False)
        review = recorded.review
        return Graded(result, counted=True, due=review.after.due if review else None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="task-job")
    def wait_for_run(self, handle: Handle) -> Ran | Cancelled:
        try:
            result = handle.result()
        except CancelledError:
            return Cancelled("run")
        if not isinstance(result, RunResult):
            raise TypeError(f"the grader answered {type(result).__name__} for a run")
        return Ran(result)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "task-job":
            return
        if event.state == WorkerState.SUCCESS:
            self.job_over()
            result = event.worker.result
            if isinstance(result, Graded | Ran | Cancelled):
                self.show_outcome(result)
        elif event.state == WorkerState.ERROR:
            self.job_over()
            error = event.worker.error
            self.set_status(self.t("task.grader_failed", error=f"{type(error).__name__}: {error}"))
            self.notify(str(error), severity="error", markup=False)
        elif event.state == WorkerState.CANCELLED:
            self.job_over()

    def job_over(self) -> None:
        self.handle = None
        self.job = None
        self.ticker.pause()

    def show_progress(self) -> None:
        if self.job is None:
            return
        elapsed = f"{time.monotonic() - self.job_started:.1f}"
        key = "task.grading" if self.job == "grade" else "task.running"
        if self.training is not None:
            # what the budget counts: the CPU seconds of the run's processes, which the
            # grader measures here from the kernel's accounting (the student's code cannot
            # report its own); the wall clock beside it, named as such
            key = "task.training" if self.job == "grade" else "task.trying"
            used = self.handle.cpu_s() if self.handle is not None else None
            budget = f"{self.training.cpu_budget_s:g}"
            cpu = f"{used or 0.0:.1f}"
            self.set_status(self.t(key, elapsed=elapsed, budget=budget, cpu=cpu))
            return
        self.set_status(self.t(key, elapsed=elapsed))

    def set_status(self, text: str) -> None:
        self.query_one("#task-status", Static).update(text)

    def show_outcome(self, outcome: Graded | Ran | Cancelled) -> None:
        self.last = outcome
        self.refresh_bindings()
        if isinstance(outcome, Cancelled):
            self.set_status(self.t(f"task.cancelled.{outcome.kind}"))
            return
        self.report.display = True
        self.refresh_bindings()  # f4 now has a report to go to
        if isinstance(outcome, Ran):
            run = outcome.result
            self.report.show_run(run)
            ok = "task.ran_ok" if self.exam is None else "task.exam_ran_ok"
            key = ok if run.ok else "task.ran_failed"
            self.set_status(self.t(key, time=format_duration(run.duration_s)))
            return
        result = outcome.result
        self.report.show_grade(result)
        if outcome.counted:
            self.show_attempts()
        if result.internal:
            error = result.error_in(self.quiz_app.lang) or ""
            self.set_status(self.t("task.grader_failed_retry", error=error))
            return
        verdict = self.t("report.passed") if result.passed else self.t("report.failed")
        score = format_score(result.score, result.max_score)
        if result.training is not None:  # what the budget counts: CPU seconds, not wall time
            status = self.t(
                "task.graded_training",
                verdict=verdict,
                score=score,
                cpu=f"{result.training.cpu_s:.1f}",
                budget=f"{result.training.cpu_budget_s:g}",
            )
        else:
            status = self.t(
                "task.graded", verdict=verdict, score=score, time=format_duration(result.duration_s)
            )
        if outcome.store_error is not None:
            self.notify(
                self.t("task.not_recorded", error=outcome.store_error),
                severity="error",
                markup=False,
            )
        elif outcome.due is not None:
            from quizapp.study import format_interval

            interval = format_interval(outcome.due - self.quiz_app.clock(), self.lang)
            status += " · " + self.t("task.next_review", interval=interval)
        if self.outcome is not None:
            status += " · " + self.t("task.back_to_session")
        self.set_status(status)

    # -- leaving, history, solution, external editor ------------------------------------

    def action_back(self) -> None:
        """Cancel the running job if there is one; otherwise save the draft and leave."""
        if self.handle is not None:
            self.set_status(self.t("task.cancelling"))
            self.handle.cancel()
            return
        self.flush_draft()
        self.dismiss(self.outcome)

    def history(self) -> list[Any]:
        service = self.quiz_app.service
        assert service is not None
        try:
            return service.practice.history(self.practice_task.id)
        except StoreError as exc:
            self.notify(exc.text(self.lang), severity="error", markup=False)
            return []

    def action_history(self) -> None:
        if self.exam is not None:
            return
        from .history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.practice_task, self.history()), self.use_code)

    def use_code(self, code: str | None) -> None:
        """Put code from the history into the editor (undoable with ctrl+z)."""
        if code is None or code == self.editor.text:
            return
        self.replace_text(code)
        self.notify(self.t("task.code_restored"))

    def replace_text(self, text: str) -> None:
        editor = self.editor
        editor.replace(text, (0, 0), editor.document.end, maintain_selection_offset=False)
        self.flush_draft()

    def action_solution(self) -> None:
        if self.exam is not None:
            return
        if not can_reveal_solution(self.history()):
            self.notify(self.t("task.solution_locked"), severity="warning")
            return
        try:
            solution = self.practice_task.read("solution.py")
        except (OSError, UnicodeDecodeError) as exc:
            self.notify(
                self.t("task.unreadable", name="solution.py", error=exc),
                severity="error",
                markup=False,
            )
            return
        from .solution import SolutionScreen

        self.app.push_screen(
            SolutionScreen(self.t("solution.title", title=self.practice_task.title), solution)
        )

    def action_external_editor(self) -> None:
        command = editor_command()
        if command is None:
            self.notify(self.t("task.no_editor"), severity="warning")
            return
        code = self.editor.text
        try:
            with self.app.suspend():
                edited = edit_in_editor(code, command, name=self.practice_task.id.replace("-", "_"))
        except SuspendNotSupported:
            self.notify(self.t("task.no_suspend"), severity="warning")
            return
        except EditorError as exc:
            self.notify(self.t("task.editor_failed", error=exc), severity="error", markup=False)
            return
        if edited != code:
            self.replace_text(edited)
            self.notify(self.t("task.reloaded"))

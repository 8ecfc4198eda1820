"""One practical task: the prompt beside a Python code editor (what every mode shares).

ctrl+r runs the code in the sandbox (its output is the student's to see); escape
cancels a running job before it leaves. The code is saved at most a second after a
change and whenever the screen is left, so a crash loses at most the last second of
typing. Jobs run in the app's grader (its own processes); this screen waits for them in
a worker thread and stays responsive.

Tab indents in the editor, so f2 goes to the task's text and f4 to the grader's report
(arrows and PgUp/PgDn scroll them; the same key comes back to the editor). Below 100
columns the text sits full-width above the editor and f2 gives it the whole screen; a
table too wide for the text's pane is shown as a list (:mod:`quizapp.markdown_fit`).

The modes, one class each: practice and a study session's task
(:mod:`.task_practice`: ctrl+s grades and records), and a mock exam's
(:mod:`.task_exam`: the code is the attempt's answer, nothing is graded).
"""

from __future__ import annotations

import time
from concurrent.futures import CancelledError
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Header, Markdown, Static, TextArea

from grader.verdict.result import GradeResult, RunResult
from question_bank import TrainingTask
from quizapp.store import StoreError
from quizapp.study.practice_view import format_duration

from ...markdown_fit import fit_tables
from ...render import page_line
from ..external_editor import EditorError, edit_in_editor, editor_command
from ..widgets.check_report import CheckReport
from .base import QuizScreen

if TYPE_CHECKING:
    from grader import Handle
    from question_bank import Task
    from quizapp.study import Outcome


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


class JobDone(Message, bubble=False):
    """A grade or run came back (or was cancelled before it did)."""

    def __init__(self, outcome: Graded | Ran | Cancelled) -> None:
        super().__init__()
        self.outcome = outcome


class TaskScreen(QuizScreen["Outcome | None"]):
    # every mode's keys, declared once (the footer keeps this order); check_action hides
    # those a mode has not
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
    RAN_OK = "task.ran_ok"  # the status line after a run that went well

    def __init__(self, task: Task) -> None:
        super().__init__()
        self.practice_task = task
        self.outcome: Outcome | None = None  # a study session's answer, once counted
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
        """f4 shows once there is a report; ctrl+s saves only in an exam (the modes add
        their own rules)."""
        if action == "save_answer":
            return False
        if action == "pane" and parameters == ("report",):
            return self.is_mounted and bool(self.report.display)
        return True

    def grader_failed(self) -> bool:
        last = self.last
        return isinstance(last, Graded) and last.result.internal

    # -- layout (a mode adds a bar above, a panel below the report) ------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        bar = self.top_bar()
        if bar is not None:
            yield bar
        self.prompt_shown = self.prompt_markdown()
        with Horizontal(id="task-body"):
            with VerticalScroll(id="task-prompt"):
                yield Markdown(self.prompt_shown, id="task-prompt-text")
            with Vertical(id="task-work"):
                yield TextArea.code_editor("", language="python", id="task-editor")
                yield CheckReport(self.t, self.lang, id="task-report")
                panel = self.side_panel()
                if panel is not None:
                    yield panel
        yield Static(self.t(self.idle_key()), id="task-status", classes="muted", markup=False)
        yield Footer()

    def idle_key(self) -> str:
        """The status line before the first job."""
        return "task.idle"

    def top_bar(self) -> Widget | None:
        return None

    def side_panel(self) -> Widget | None:
        return None

    def prompt_markdown(self) -> str:
        where = page_line(self.practice_task, self.ctx.lang)
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
        """What a mode shows of the task's past attempts (nothing here)."""

    # -- the code ----------------------------------------------------------------------

    def load_code(self) -> str:
        """The mode's stored code (`stored_code`), else the starter code."""
        draft = self.stored_code()
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

    def stored_code(self) -> str | None:
        raise NotImplementedError

    def store_code(self, text: str) -> None:
        """Keep the editor's text (raises StoreError)."""
        raise NotImplementedError

    @on(TextArea.Changed, "#task-editor")
    def schedule_save(self) -> None:
        if self.save_timer is None and self.editor.text != self.saved_text:
            self.save_timer = self.set_timer(AUTOSAVE_S, self.flush_draft)

    def flush_draft(self) -> None:
        """Save the editor's text if it changed since the last save."""
        if self.save_timer is not None:
            self.save_timer.stop()
            self.save_timer = None
        if self.ctx.service is None or not self.is_mounted:
            return
        text = self.editor.text
        if text == self.saved_text:
            return
        try:
            self.store_code(text)
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
            handle = self.ctx.grader.submit(self.practice_task, self.editor.text, mode=mode)
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

    def action_run(self) -> None:
        handle = self.start("run", "run")
        if handle is not None:
            self.wait_for_run(handle)

    @work(thread=True, exclusive=True, exit_on_error=False, group="task-job")
    def wait_for_run(self, handle: Handle) -> JobDone:
        try:
            result = handle.result()
        except CancelledError:
            return JobDone(Cancelled("run"))
        if not isinstance(result, RunResult):
            raise TypeError(f"the grader answered {type(result).__name__} for a run")
        return JobDone(Ran(result))

    @on(JobDone)
    def job_done(self, event: JobDone) -> None:
        self.job_over()
        self.show_outcome(event.outcome)

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        self.job_over()
        self.set_status(self.t("task.grader_failed", error=f"{type(error).__name__}: {error}"))
        self.notify(str(error), severity="error", markup=False)

    def worker_cancelled(self, group: str) -> None:
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
            key = self.RAN_OK if run.ok else "task.ran_failed"
            self.set_status(self.t(key, time=format_duration(run.duration_s)))
            return
        self.show_graded(outcome)

    def show_graded(self, outcome: Graded) -> None:
        """A verdict (only the modes that grade get one)."""
        raise NotImplementedError

    # -- leaving, external editor ---------------------------------------------------------

    def action_back(self) -> None:
        """Cancel the running job if there is one; otherwise save the draft and leave."""
        if self.handle is not None:
            self.set_status(self.t("task.cancelling"))
            self.handle.cancel()
            return
        self.flush_draft()
        self.dismiss(self.outcome)

    def replace_text(self, text: str) -> None:
        editor = self.editor
        editor.replace(text, (0, 0), editor.document.end, maintain_selection_offset=False)
        self.flush_draft()

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

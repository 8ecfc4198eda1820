"""A task practised on its own, or as a study session's card: ctrl+s grades the code
against the hidden tests (no output comes back from a graded run), records the
submission and rates the task's card. Should the grader itself fail, nothing is
recorded and f5 grades again. ctrl+g lists the past submissions, ctrl+l shows the
reference solution once it may be seen; a training task shows its attempts and
leaderboard.

Opened from a study session (:class:`SessionTaskScreen`: review, quiz, cram, mistakes)
the submission is the session's answer to the task's card: counted once, after which
escape goes back to the session with the outcome.
"""

from __future__ import annotations

from concurrent.futures import CancelledError
from typing import TYPE_CHECKING, Any

from textual import work
from textual.widget import Widget

from grader.verdict.result import GradeResult
from quizapp.store import StoreError
from quizapp.study.practice_view import can_reveal_solution, format_duration, format_score

from ..widgets.training_panel import TrainingPanel
from .task import Cancelled, Graded, JobDone, TaskScreen

if TYPE_CHECKING:
    from grader import Handle
    from question_bank import Task
    from quizapp.study import StudySession


class PracticeTaskScreen(TaskScreen):
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """f5 shows after a grader failure."""
        if action == "regrade":
            return self.grader_failed()
        return super().check_action(action, parameters)

    def idle_key(self) -> str:
        return "task.idle" if self.training is None else "training.idle"

    def side_panel(self) -> Widget | None:
        if self.training is None:
            return None
        return TrainingPanel(
            self.t,
            self.lang,
            self.training.id,
            self.training.target,
            metric=self.training.metric,
            id="task-training",
        )

    def show_attempts(self) -> None:
        """A training task's attempt history and leaderboard, as the store has them now."""
        if self.training is None:
            return
        service = self.ctx.service
        assert service is not None
        try:
            history = service.practice.history(self.training.id)
            standings = service.practice.leaderboard(self.training.id, self.training.metric)
        except StoreError as exc:
            self.notify(exc.text(self.lang), severity="error", markup=False)
            return
        metrics = [s.result.training.metric if s.result.training else None for s in history]
        self.query_one(TrainingPanel).show(metrics[::-1], standings)

    def stored_code(self) -> str | None:
        """The saved draft, else the last submitted code (a task retried from 오답노트
        opens with what was handed in, as LeetCode does)."""
        service = self.ctx.service
        assert service is not None
        try:
            draft = service.practice.draft(self.practice_task.id)
            if draft is None:
                submitted = service.practice.history(self.practice_task.id)
                draft = submitted[0].code if submitted else None
        except StoreError as exc:
            self.notify(exc.text(self.lang), severity="error", markup=False)
            draft = None
        return draft

    def store_code(self, text: str) -> None:
        service = self.ctx.service
        assert service is not None
        service.practice.save_draft(self.practice_task.id, text)

    # -- grading ---------------------------------------------------------------------

    def action_submit(self) -> None:
        handle = self.start("grade", "grade")
        if handle is not None:
            self.wait_for_grade(handle, self.editor.text)

    def action_regrade(self) -> None:
        """After a grader failure: grade the same code again."""
        if self.grader_failed():
            self.action_submit()

    @work(thread=True, exclusive=True, exit_on_error=False, group="task-job")
    def wait_for_grade(self, handle: Handle, code: str) -> JobDone:
        """Wait for the verdict, then record it (submission + review in one transaction)."""
        try:
            result = handle.result()
        except CancelledError:
            return JobDone(Cancelled("grade"))
        if not isinstance(result, GradeResult):
            raise TypeError(f"the grader answered {type(result).__name__} for a grade")
        try:
            return JobDone(self.record(code, result))
        except StoreError as exc:
            return JobDone(Graded(result, counted=False, store_error=exc.text(self.lang)))

    def record(self, code: str, result: GradeResult) -> Graded:
        """Count the verdict as practice (a grader failure is not counted)."""
        service = self.ctx.service
        assert service is not None
        recorded = service.practice.submit(self.practice_task.id, code, result)
        if recorded is None:
            return Graded(result, counted=False)
        review = recorded.review
        return Graded(result, counted=True, due=review.after.due if review else None)

    def show_graded(self, outcome: Graded) -> None:
        result = outcome.result
        self.report.show_grade(result)
        if outcome.counted:
            self.show_attempts()
        if result.internal:
            error = result.error_in(self.ctx.lang) or ""
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

            interval = format_interval(outcome.due - self.ctx.clock(), self.lang)
            status += " · " + self.t("task.next_review", interval=interval)
        if self.outcome is not None:
            status += " · " + self.t("task.back_to_session")
        self.set_status(status)

    # -- history, solution ---------------------------------------------------------------

    def history(self) -> list[Any]:
        service = self.ctx.service
        assert service is not None
        try:
            return service.practice.history(self.practice_task.id)
        except StoreError as exc:
            self.notify(exc.text(self.lang), severity="error", markup=False)
            return []

    def action_history(self) -> None:
        from .history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.practice_task, self.history()), self.use_code)

    def use_code(self, code: str | None) -> None:
        """Put code from the history into the editor (undoable with ctrl+z)."""
        if code is None or code == self.editor.text:
            return
        self.replace_text(code)
        self.notify(self.t("task.code_restored"))

    def action_solution(self) -> None:
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


class SessionTaskScreen(PracticeTaskScreen):
    """The task as a study session's card: the submission is the session's answer."""

    def __init__(self, task: Task, session: StudySession) -> None:
        super().__init__(task)
        self.session = session

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The task is submitted once."""
        if action == "submit" and self.outcome is not None:
            return False
        return super().check_action(action, parameters)

    def record(self, code: str, result: GradeResult) -> Graded:
        """Count the verdict as the session's answer to the task's card (a grader failure
        is not counted)."""
        outcome = self.session.submit_task(code, result)
        if outcome is None:
            return Graded(result, counted=False)
        self.outcome = outcome
        return Graded(result, counted=True, due=None if self.session.cram else outcome.due)

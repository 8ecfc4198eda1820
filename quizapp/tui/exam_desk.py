"""The mock exam's orchestration in one place: starting (after asking) or resuming an
attempt, handing it in, grading the attempts left over when the app opens, watching the
deadline of the attempt being sat, and asking before a running exam is left.

The screens reach it through their context (``self.ctx.exams``); it pushes the sitting
and results screens itself. One exam runs at a time. What stays on the screens is what
they show: the sitting screen's countdown (it calls `hand_in` at zero), the submit
dialog's counts, the results screen's grading progress.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

    from quizapp.exam import Settled
    from quizapp.store import ExamAttempt

    from .app import QuizApp
    from .context import Context
    from .screens.exam_sit import ExamSitScreen

SETTLE = "exam-settle"  # the worker group grading the left-over attempts


class ExamDesk:
    def __init__(self, app: QuizApp, ctx: Context) -> None:
        self.app = app
        self.ctx = ctx
        # True from loading until the attempts left over (out of time while the app was
        # closed, or handed in and not graded) are graded: no exam opens meanwhile.
        self.settling = True
        self.watched: ExamAttempt | None = None  # the attempt being sat, if any
        self._watch: Timer | None = None

    # -- opening ---------------------------------------------------------------------------

    def open(self, blueprint_id: str, *, replace: bool = False) -> None:
        """Start an attempt of this blueprint, or resume the unfinished one without asking.

        While another blueprint's attempt is running this says so; an attempt that is
        over (handed in, or out of time) is graded and its results shown."""
        app, t = self.app, self.ctx.t
        if not app.ready():
            return
        if self.settling:
            app.notify(t("exam.settling"), timeout=3)
            return
        from quizapp.exam import Busy, Grade
        from quizapp.exam.view import format_clock
        from quizapp.store import StoreError

        from .screens.exam_results import ExamResultsScreen
        from .screens.exam_sit import ExamSitScreen

        proctor = self.ctx.proctor
        assert proctor is not None
        try:
            opening = proctor.open(blueprint_id)
        except StoreError as exc:
            app.notify(exc.text(self.ctx.lang), severity="error", markup=False)
            return
        if isinstance(opening, Busy):
            app.notify(
                t("exam.other_running", title=opening.title, left=format_clock(opening.left)),
                severity="warning",
                markup=False,
            )
            return
        screen: Screen[None]
        if isinstance(opening, Grade):
            screen = ExamResultsScreen(opening.attempt, submit=True)
        else:
            screen = ExamSitScreen(opening.attempt)
        if replace:
            app.switch_screen(screen)
        else:
            app.push_screen(screen)

    def confirm_start(self, blueprint_id: str, title: str, text: str) -> None:
        """Ask before a new timed attempt starts: its clock cannot be stopped once started."""
        from .screens.confirm import ConfirmScreen

        t = self.ctx.t

        def answered(yes: bool | None) -> None:
            if yes:
                self.open(blueprint_id)

        self.app.push_screen(
            ConfirmScreen(title, text, t("exams.start_yes"), t("exams.start_no")), answered
        )

    def hand_in(self, attempt: ExamAttempt) -> None:
        """Submitted (by the student, or at zero): the results screen takes the sitting
        screen's place and grades the attempt."""
        from .screens.exam_results import ExamResultsScreen

        self.watch(None)
        self.app.switch_screen(ExamResultsScreen(attempt, submit=True))

    # -- the attempts left over ------------------------------------------------------------

    def settle(self) -> None:
        """Grade, in a worker, the attempts left over; then `settled` shows them."""
        self.app.run_worker(
            self._settle, thread=True, exclusive=True, exit_on_error=False, group=SETTLE
        )

    def _settle(self) -> Settled:
        """Grade, with what was saved, the attempts left over: out of time while the app
        was closed (or while nobody was on their screen), or handed in and not graded."""
        proctor = self.ctx.proctor
        assert proctor is not None
        waiting = proctor.pending()
        if waiting:
            self.app.call_from_thread(
                self.app.notify, self.ctx.t("exam.expired_grading", count=len(waiting)), timeout=6
            )
        return proctor.settle(waiting)

    def settle_changed(self, event: Worker.StateChanged) -> None:
        """The settling worker ended (the app forwards its state changes here)."""
        worker: Worker[Any] = event.worker
        if event.state == WorkerState.SUCCESS:
            from quizapp.exam import Settled

            assert isinstance(worker.result, Settled)
            self.settled(worker.result)
        elif event.state == WorkerState.ERROR:
            self.app.notify(
                self.ctx.t("exam.expired_failed", error=worker.error),
                severity="error",
                markup=False,
            )
            self.settled(None)

    def settled(self, settled: Settled | None) -> None:
        """Show what was graded; then the screen the command line asked for (after a
        left-over attempt, `quizapp exam ID` shows the exam list rather than starting anew)."""
        app = self.app
        self.settling = False
        if app.warm_grader:
            app.warm_up_grader()
        from quizapp.exam.view import grading_failures

        from .screens.exam_results import ExamResultsScreen

        shown = settled.results if settled is not None else []
        for failed in settled.failed if settled is not None else []:
            app.notify(
                self.ctx.t("exam.pending_failed", error=grading_failures(failed, self.ctx.lang)),
                severity="error",
                timeout=10,
                markup=False,
            )
        if app.start.screen == "exam":
            if shown or (settled is not None and settled.failed):
                app.action_exams()
            else:
                app.open_start_screen()
        for result in shown:
            app.push_screen(ExamResultsScreen(result.attempt, results=result))

    # -- the attempt being sat -------------------------------------------------------------

    def watch(self, attempt: ExamAttempt | None) -> None:
        """Keep an eye on the attempt being sat: should its screen be closed without
        submitting (the command palette can do that), it is still submitted at zero."""
        self.watched = attempt
        if attempt is not None and self._watch is None:
            self._watch = self.app.set_interval(1, self.check_watched)

    def check_watched(self) -> None:
        from .screens.exam_results import ExamResultsScreen
        from .screens.exam_sit import ExamSitScreen

        attempt, runner = self.watched, self.ctx.exam_runner
        if attempt is None or runner is None or not runner.expired(attempt):
            return
        sitting = any(
            isinstance(s, ExamSitScreen) and s.attempt.id == attempt.id
            for s in self.app.screen_stack
        )
        if sitting:  # its own countdown submits it
            return
        self.watched = None
        self.app.push_screen(ExamResultsScreen(attempt, submit=True))

    def sitting(self) -> ExamSitScreen | None:
        """The exam screen being sat (anywhere in the stack), or None."""
        from .screens.exam_sit import ExamSitScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, ExamSitScreen) and not screen.finishing:
                return screen
        return None

    def confirm_leaving(self, *, quit_app: bool) -> None:
        """Ask before leaving a running exam (quitting, or going home): the clock keeps
        running, the answers are saved, and the attempt resumes from home or the list."""
        from quizapp.exam.view import format_clock

        from .screens.confirm import ConfirmScreen

        app, t = self.app, self.ctx.t
        sitting = self.sitting()
        if sitting is None or isinstance(app.screen, ConfirmScreen):
            return
        kind = "quit" if quit_app else "home"
        left = format_clock(sitting.time_left())

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            sitting.save_before_leaving()
            if quit_app:
                app.exit()
            else:
                pop_to_home(app)

        app.push_screen(
            ConfirmScreen(
                t("exam.leave.title"),
                t(f"exam.leave.{kind}", left=left, title=sitting.blueprint.title),
                t(f"exam.leave.{kind}_yes"),
                t("exam.confirm.no"),
            ),
            answered,
        )


def pop_to_home(app: QuizApp) -> None:
    """Close every screen above home, without asking."""
    while len(app.screen_stack) > 1:
        app.pop_screen()

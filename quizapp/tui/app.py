"""The Textual application and its factory, shared by the CLI and the tests.

The first frame is drawn before anything heavy happens: the bank (PyYAML +
pydantic) and the store (SQLAlchemy) load in a worker thread afterwards, and
torch is never imported in this process (grading runs in the grader's own
worker processes).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from ..i18n import translate
from ..settings import Settings
from .commands import ScreenCommands
from .keys import translate_bindings

if TYPE_CHECKING:
    from textual.timer import Timer

    from grader import Grader
    from question_bank import Bank, Problem
    from quizapp.exam import ExamRunner, Proctor, Settled
    from quizapp.store import ExamAttempt, Store
    from quizapp.study import CardFilter, StudyService

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Loaded:
    bank: Bank | None = None
    problems: list[Problem] = field(default_factory=list)
    store: Store | None = None
    error: str | None = None


@dataclass(frozen=True)
class Start:
    """Which screen the command line asked for (`quizapp quiz --pages 17-26`, …)."""

    screen: str = "home"
    card_filter: CardFilter | None = None
    count: int | None = None
    cram: bool = False
    learn_new: bool = False  # `quiz --learn-new`: first answers use the new-card limit
    task_id: str | None = None
    exam_id: str | None = None  # `quizapp exam ID`: start or resume that blueprint


class Ready(Message):
    """The bank and the store are loaded: screens may show them."""


class QuizApp(App[None]):
    CSS_PATH = "app.tcss"
    # the screen gets -narrow below 100 columns (80×24 must stay usable) and -short below 30 rows
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    COMMANDS = App.COMMANDS | {ScreenCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        # not in the footer (80 columns are scarce): the help, the palette and every
        # dialog name it, and mid-exam it asks first
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True, show=False),
    ]

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock = utc_now,
        start: Start | None = None,
        grader: Grader | None = None,
        warm_grader: bool = True,
    ) -> None:
        super().__init__()
        # The grader: created on first use (or given, e.g. one warm pool shared by tests);
        # closed on exit only if this app created it.
        self._grader = grader
        self._owns_grader = grader is None
        self._grader_lock = threading.Lock()
        self.warm_grader = warm_grader
        self.settings = settings
        self.lang = settings.lang
        self.clock = clock
        self.start = start or Start()
        self.bank: Bank | None = None
        self.store: Store | None = None
        self.service: StudyService | None = None
        self._proctor: Proctor | None = None
        # True from loading until the attempts left over (out of time while the app was
        # closed, or handed in and not graded) are graded: no exam opens meanwhile.
        self.exams_settling = True
        self.watched_exam: ExamAttempt | None = None  # the attempt being sat, if any
        self._exam_watch: Timer | None = None
        self.title = translate("app.title", self.lang)
        self.sub_title = settings.profile
        translate_bindings(self, self.lang)

    def t(self, key: str, **values: object) -> str:
        return translate(key, self.lang, **values)

    # -- Textual's own words (palette, system commands) in the interface language ------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from .palette import system_commands

        return system_commands(self, screen)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from .palette import Palette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(
                Palette(
                    self.t("palette.no_matches"),
                    self.t("palette.placeholder"),
                    id="--command-palette",
                )
            )

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from .palette import Palette

        self.push_screen(
            Palette(
                self.t("palette.no_matches"),
                self.t("palette.themes_placeholder"),
                providers=[ThemeProvider],
            )
        )

    @property
    def grader(self) -> Grader:
        """The app's one grader (its workers run torch in their own processes)."""
        with self._grader_lock:
            if self._grader is None:
                from grader import Grader

                self._grader = Grader(sandbox=self.settings.sandbox)
            return self._grader

    @work(thread=True, exclusive=True, exit_on_error=False, group="grader-warm-up")
    def warm_up_grader(self) -> None:
        """Start the grader's workers and compute every task's reference, off the UI thread."""
        if self.bank is not None:
            self.grader.warm_up(list(self.bank.tasks.values()))

    # -- loading ---------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        from .screens.home import HomeScreen

        home = HomeScreen()
        translate_bindings(home, self.lang)
        return home

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Every screen gets its footer labels in the interface language."""
        if isinstance(screen, Screen):
            translate_bindings(screen, self.lang)
        return super().push_screen(screen, *args, **kwargs)

    def switch_screen(self, screen: Any) -> Any:
        if isinstance(screen, Screen):
            translate_bindings(screen, self.lang)
        return super().switch_screen(screen)

    def on_mount(self) -> None:
        # The other screens' styles, and heavy imports (pydantic, SQLAlchemy), only once the
        # first frame is out: a loading thread would otherwise hold the GIL while the screen
        # is drawn. The styles come first: no other screen opens before the bank is loaded.
        self.call_after_refresh(self.load_screen_styles)
        self.call_after_refresh(self.load)

    def load_screen_styles(self) -> None:
        """screens.tcss: every screen's rules but home's (app.tcss), which the first frame
        does not need; read as Textual reads a screen's CSS_PATH when it is first shown."""
        from pathlib import Path

        self.stylesheet.read(Path(__file__).with_name("screens.tcss"))
        self.stylesheet.reparse()
        self.stylesheet.update(self)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self) -> Loaded:
        from question_bank.cache import load_banks_cached
        from quizapp.store import StoreError, open_store
        from quizapp.store.backup import DamagedStore

        missing = [str(b) for b in self.settings.banks if not b.is_dir()]
        if missing:
            return Loaded(error=self.t("cli.bank.folder_missing", folder=missing[0]))
        bank, problems = load_banks_cached(self.settings.banks, self.settings.data_dir / "cache")
        if problems:
            return Loaded(bank=bank, problems=problems)
        try:
            store = open_store(self.settings, clock=self.clock, safety=True)
        except DamagedStore as exc:  # one line: what is wrong and how to restore
            day = exc.backup_day
            key = "fatal.damaged" if day is not None else "fatal.damaged_no_backup"
            message = self.t(key, path=exc.path, problem=exc.problem, day=day)
            return Loaded(bank=bank, error=message)
        except StoreError as exc:
            return Loaded(bank=bank, error=exc.text(self.lang))
        return Loaded(bank=bank, store=store)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker: Worker[Any] = event.worker
        if worker.group == "grader-warm-up" and event.state == WorkerState.ERROR:
            self.notify(f"grader: {worker.error}", severity="error")
            return
        if worker.group == "exam-settle":
            if event.state == WorkerState.SUCCESS:
                from quizapp.exam import Settled

                assert isinstance(worker.result, Settled)
                self.exams_settled(worker.result)
            elif event.state == WorkerState.ERROR:
                self.notify(
                    self.t("exam.expired_failed", error=worker.error),
                    severity="error",
                    markup=False,
                )
                self.exams_settled(None)
            return
        if worker.group != "load":
            return
        if event.state == WorkerState.ERROR:
            self.show_fatal(f"{type(worker.error).__name__}: {worker.error}")
        elif event.state == WorkerState.SUCCESS:
            assert isinstance(worker.result, Loaded)
            self.loaded(worker.result)

    def loaded(self, loaded: Loaded) -> None:
        if loaded.problems:
            from .screens.bank_errors import BankErrorsScreen

            self.push_screen(BankErrorsScreen(loaded.problems))
            return
        if loaded.error is not None or loaded.store is None or loaded.bank is None:
            self.show_fatal(loaded.error or "the store could not be opened")
            return
        from quizapp.study import StudyService

        self.bank, self.store = loaded.bank, loaded.store
        self.service = StudyService(loaded.store, loaded.bank, clock=self.clock)
        self.screen.post_message(Ready())
        self.settle_exams()  # then the grader warms up (its workers grade those first)
        if self.start.screen != "exam":  # an exam opens once left-over attempts are settled
            self.open_start_screen()

    def show_fatal(self, message: str) -> None:
        from .screens.fatal import FatalScreen

        self.push_screen(FatalScreen(message))

    def open_start_screen(self) -> None:
        start = self.start
        if start.screen == "review":
            self.action_review()
        elif start.screen == "quiz":
            self.open_quiz(
                start.card_filter, start.count, cram=start.cram, learn_new=start.learn_new
            )
        elif start.screen == "practice":
            self.action_practice(start.task_id)
        elif start.screen == "exam" and start.exam_id:
            self.open_exam(start.exam_id)
        elif start.screen == "exam":
            self.action_exams()

    def on_unmount(self) -> None:
        if self._grader is not None and self._owns_grader:
            self._grader.close()
        if self.store is not None:
            self.store.close()

    # -- navigation ------------------------------------------------------------------

    def ready(self) -> bool:
        if self.service is None:
            self.notify(self.t("app.loading"), timeout=2)
            return False
        return True

    def pop_to_home(self) -> None:
        if self.sitting_exam() is not None:
            self.confirm_leaving_exam(quit_app=False)
            return
        self._pop_to_home()

    def _pop_to_home(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    # -- leaving (a running exam asks first) ----------------------------------------------

    def sitting_exam(self) -> Any:
        """The exam screen being sat (anywhere in the stack), or None."""
        from .screens.exam_sit import ExamSitScreen

        for screen in self.screen_stack:
            if isinstance(screen, ExamSitScreen) and not screen.finishing:
                return screen
        return None

    async def action_quit(self) -> None:
        """ctrl+q: quit at once, except during a mock exam, which asks first."""
        if self.sitting_exam() is None:
            self.exit()
        else:
            self.confirm_leaving_exam(quit_app=True)

    def action_help_quit(self) -> None:
        """ctrl+c (Textual's hint that ctrl+q quits), in the interface language; during a
        mock exam it asks, as ctrl+q does."""
        if self.sitting_exam() is not None:
            self.confirm_leaving_exam(quit_app=True)
        else:
            self.notify(self.t("app.quit_hint"), title=self.t("app.quit_title"), markup=False)

    def confirm_leaving_exam(self, *, quit_app: bool) -> None:
        """Ask before leaving a running exam (quitting, or going home): the clock keeps
        running, the answers are saved, and the attempt resumes from home or the list."""
        from quizapp.exam.view import format_clock

        from .screens.confirm import ConfirmScreen

        sitting = self.sitting_exam()
        if sitting is None or isinstance(self.screen, ConfirmScreen):
            return
        kind = "quit" if quit_app else "home"
        left = format_clock(sitting.time_left())

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            sitting.save_before_leaving()
            if quit_app:
                self.exit()
            else:
                self._pop_to_home()

        self.push_screen(
            ConfirmScreen(
                self.t("exam.leave.title"),
                self.t(f"exam.leave.{kind}", left=left, title=sitting.blueprint.title),
                self.t(f"exam.leave.{kind}_yes"),
                self.t("exam.confirm.no"),
            ),
            answered,
        )

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_review(self) -> None:
        if not self.ready():
            return
        assert self.service is not None
        from quizapp.study import CardFilter

        from .screens.study import StudyScreen

        session = self.service.review_session(CardFilter(types=frozenset({"written", "flashcard"})))
        self.push_screen(StudyScreen(session, mode="review"))

    def open_quiz(
        self,
        card_filter: CardFilter | None = None,
        count: int | None = None,
        *,
        cram: bool = False,
        learn_new: bool = False,
    ) -> None:
        if not self.ready():
            return
        assert self.service is not None
        from .screens.study import StudyScreen

        session = self.service.quiz_session(
            card_filter, count if count is not None else 10, cram=cram, learn_new=learn_new
        )
        self.push_screen(StudyScreen(session, mode="cram" if cram else "quiz"))

    def action_quiz(self) -> None:
        self.open_quiz()

    def action_mistakes(self) -> None:
        if not self.ready():
            return
        from .screens.mistakes import MistakesScreen

        self.push_screen(MistakesScreen())

    def action_browse(self) -> None:
        if not self.ready():
            return
        assert self.bank is not None
        from .screens.browse import BrowseScreen

        self.push_screen(BrowseScreen(self.bank))

    def action_stats(self) -> None:
        if not self.ready():
            return
        from .screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    def action_practice(self, task_id: str | None = None) -> None:
        if not self.ready():
            return
        from .screens.practice import PracticeScreen

        self.push_screen(PracticeScreen(task_id))

    def action_settings(self) -> None:
        if not self.ready():
            return
        from .screens.settings import SettingsScreen

        self.push_screen(SettingsScreen())

    def action_exams(self) -> None:
        if not self.ready():
            return
        from .screens.exams import ExamsScreen

        self.push_screen(ExamsScreen())

    # -- mock exams ----------------------------------------------------------------------

    @property
    def proctor(self) -> Proctor | None:
        """Mock exams over the loaded bank and store, graded on the app's grader (None
        until loaded)."""
        if self._proctor is None and self.service is not None and self.bank is not None:
            from quizapp.exam import ExamRunner, Proctor

            self._proctor = Proctor(ExamRunner(self.service, self.bank), lambda: self.grader)
        return self._proctor

    @property
    def exam_runner(self) -> ExamRunner | None:
        return self.proctor.runner if self.proctor is not None else None

    @work(thread=True, exclusive=True, exit_on_error=False, group="exam-settle")
    def settle_exams(self) -> Settled:
        """Grade, with what was saved, the attempts left over: out of time while the app
        was closed (or while nobody was on their screen), or handed in and not graded."""
        proctor = self.proctor
        assert proctor is not None
        waiting = proctor.pending()
        if waiting:
            self.call_from_thread(
                self.notify, self.t("exam.expired_grading", count=len(waiting)), timeout=6
            )
        return proctor.settle(waiting)

    def exams_settled(self, settled: Settled | None) -> None:
        """Show what was graded; then the screen the command line asked for (after a
        left-over attempt, `quizapp exam ID` shows the exam list rather than starting anew)."""
        self.exams_settling = False
        if self.warm_grader:
            self.warm_up_grader()
        from .screens.exam_results import ExamResultsScreen

        shown = settled.results if settled is not None else []
        from quizapp.exam.view import grading_failures

        for failed in settled.failed if settled is not None else []:
            self.notify(
                self.t("exam.pending_failed", error=grading_failures(failed, self.lang)),
                severity="error",
                timeout=10,
                markup=False,
            )
        if self.start.screen == "exam":
            if shown or (settled is not None and settled.failed):
                self.action_exams()
            else:
                self.open_start_screen()
        for result in shown:
            self.push_screen(ExamResultsScreen(result.attempt, results=result))

    def watch_exam(self, attempt: ExamAttempt | None) -> None:
        """Keep an eye on the attempt being sat: should its screen be closed without
        submitting (the command palette can do that), it is still submitted at zero."""
        self.watched_exam = attempt
        if attempt is not None and self._exam_watch is None:
            self._exam_watch = self.set_interval(1, self.check_watched_exam)

    def check_watched_exam(self) -> None:
        from .screens.exam_results import ExamResultsScreen
        from .screens.exam_sit import ExamSitScreen

        attempt, runner = self.watched_exam, self.exam_runner
        if attempt is None or runner is None or not runner.expired(attempt):
            return
        sitting = any(
            isinstance(s, ExamSitScreen) and s.attempt.id == attempt.id for s in self.screen_stack
        )
        if sitting:  # its own countdown submits it
            return
        self.watched_exam = None
        self.push_screen(ExamResultsScreen(attempt, submit=True))

    def open_exam(self, blueprint_id: str, *, replace: bool = False) -> None:
        """Start an attempt of this blueprint, or resume the unfinished one without asking.

        One exam runs at a time: while another blueprint's attempt is running this
        says so; an attempt that is over (handed in, or out of time) is graded and its
        results shown."""
        if not self.ready():
            return
        if self.exams_settling:
            self.notify(self.t("exam.settling"), timeout=3)
            return
        from quizapp.exam import Busy, Grade
        from quizapp.exam.view import format_clock
        from quizapp.store import StoreError

        from .screens.exam_results import ExamResultsScreen
        from .screens.exam_sit import ExamSitScreen

        proctor = self.proctor
        assert proctor is not None
        try:
            opening = proctor.open(blueprint_id)
        except StoreError as exc:
            self.notify(exc.text(self.lang), severity="error", markup=False)
            return
        if isinstance(opening, Busy):
            self.notify(
                self.t("exam.other_running", title=opening.title, left=format_clock(opening.left)),
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
            self.switch_screen(screen)
        else:
            self.push_screen(screen)


def make_app(settings: Settings, **options: Any) -> QuizApp:
    """The one factory used by the CLI and by the tests."""
    return QuizApp(settings, **options)

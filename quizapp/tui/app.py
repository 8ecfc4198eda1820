"""The Textual application and its factory, shared by the CLI and the tests.

The first frame is drawn before anything heavy happens: the bank (PyYAML +
pydantic) and the store (SQLAlchemy) load in a worker thread afterwards, and
torch is never imported in this process (grading runs in the grader's own
worker processes).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from ..clock import Clock, utc_now
from ..i18n import translate
from ..settings import Settings
from .commands import ScreenCommands
from .context import Context, Ready
from .exam_desk import SETTLE, ExamDesk, pop_to_home
from .keys import AppKeys, translate_bindings
from .screens.base import WIDE_COLUMNS, QuizScreen

if TYPE_CHECKING:
    from grader import Grader
    from question_bank import Bank, Problem
    from quizapp.exam import ExamRunner, Proctor
    from quizapp.store import Store
    from quizapp.study import CardFilter, StudyService

T = TypeVar("T")


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


class QuizApp(AppKeys):
    CSS_PATH = "app.tcss"
    # the screen gets -narrow below 100 columns (80×24 must stay usable) and -short below 30 rows
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE_COLUMNS, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    COMMANDS = App.COMMANDS | {ScreenCommands}

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
        self.ctx = Context(settings, clock=clock, grader=grader)
        self.exams = self.ctx.exams = ExamDesk(self, self.ctx)
        self.warm_grader = warm_grader
        self.settings = settings
        self.lang = settings.lang
        self.clock = clock
        self.start = start or Start()
        self.title = translate("app.title", self.lang)
        self.sub_title = settings.profile
        translate_bindings(self, self.lang)

    def t(self, key: str, **values: object) -> str:
        return self.ctx.t(key, **values)

    # -- what the context holds, read here too (the CLI and the tests use the app) -----------

    @property
    def bank(self) -> Bank | None:
        return self.ctx.bank

    @property
    def store(self) -> Store | None:
        return self.ctx.store

    @property
    def service(self) -> StudyService | None:
        return self.ctx.service

    @property
    def grader(self) -> Grader:
        """The app's one grader (its workers run torch in their own processes)."""
        return self.ctx.grader

    @property
    def _grader(self) -> Grader | None:
        """The grader if there is one yet (tests check that none starts early, or swap it)."""
        return self.ctx.current_grader

    @_grader.setter
    def _grader(self, grader: Grader | None) -> None:
        self.ctx.current_grader = grader

    @property
    def proctor(self) -> Proctor | None:
        return self.ctx.proctor

    @property
    def exam_runner(self) -> ExamRunner | None:
        return self.ctx.exam_runner

    @property
    def exams_settling(self) -> bool:
        return self.exams.settling

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

    @work(thread=True, exclusive=True, exit_on_error=False, group="grader-warm-up")
    def warm_up_grader(self) -> None:
        """Start the grader's workers and compute every task's reference, off the UI thread."""
        if self.bank is not None:
            self.grader.warm_up(list(self.bank.tasks.values()))

    # -- loading ---------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        from .screens.home import HomeScreen

        return self.prepared(HomeScreen())

    def prepared(self, screen: T) -> T:
        """Every screen gets the context and its footer labels in the interface language."""
        if isinstance(screen, Screen):
            if isinstance(screen, QuizScreen):
                screen.ctx = self.ctx
            translate_bindings(screen, self.lang)
        return screen

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        return super().push_screen(self.prepared(screen), *args, **kwargs)

    def switch_screen(self, screen: Any) -> Any:
        return super().switch_screen(self.prepared(screen))

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
        if worker.group == SETTLE:
            self.exams.settle_changed(event)
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

        self.ctx.bank, self.ctx.store = loaded.bank, loaded.store
        self.ctx.service = StudyService(loaded.store, loaded.bank, clock=self.clock)
        self.screen.post_message(Ready())
        self.exams.settle()  # then the grader warms up (its workers grade those first)
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
        self.ctx.close()

    # -- navigation ------------------------------------------------------------------

    def ready(self) -> bool:
        if self.service is None:
            self.notify(self.t("app.loading"), timeout=2)
            return False
        return True

    def pop_to_home(self) -> None:
        if self.exams.sitting() is not None:
            self.exams.confirm_leaving(quit_app=False)
            return
        self._pop_to_home()

    def _pop_to_home(self) -> None:
        pop_to_home(self)

    # -- leaving (a running exam asks first) ----------------------------------------------

    async def action_quit(self) -> None:
        """ctrl+q: quit at once, except during a mock exam, which asks first."""
        if self.exams.sitting() is None:
            self.exit()
        else:
            self.exams.confirm_leaving(quit_app=True)

    def action_help_quit(self) -> None:
        """ctrl+c (Textual's hint that ctrl+q quits), in the interface language; during a
        mock exam it asks, as ctrl+q does."""
        if self.exams.sitting() is not None:
            self.exams.confirm_leaving(quit_app=True)
        else:
            self.notify(self.t("app.quit_hint"), title=self.t("app.quit_title"), markup=False)

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

    # -- mock exams (the desk does the work) ----------------------------------------------

    def open_exam(self, blueprint_id: str, *, replace: bool = False) -> None:
        self.exams.open(blueprint_id, replace=replace)


def make_app(settings: Settings, **options: Any) -> QuizApp:
    """The one factory used by the CLI and by the tests."""
    return QuizApp(settings, **options)

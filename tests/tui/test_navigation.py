"""Getting around: every screen from home by its key and by the command palette, and back
with escape; Korean and English labels; a broken bank and a broken database shown as
messages on a screen of their own, not tracebacks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, Static

from quizapp.i18n import translate
from quizapp.settings import resolve
from quizapp.tui.app import QuizApp, make_app
from quizapp.tui.screens.bank_errors import BankErrorsScreen
from quizapp.tui.screens.browse import BrowseScreen
from quizapp.tui.screens.exams import ExamsScreen
from quizapp.tui.screens.fatal import FatalScreen
from quizapp.tui.screens.help import HelpScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.mistakes import MistakesScreen
from quizapp.tui.screens.practice import PracticeScreen
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.screens.study import StudyScreen

from .conftest import FakeClock, wait_ready

SIZE = (130, 40)

# key on the home screen → the screen it opens (and the study mode, for the study screen)
KEYS: list[tuple[str, type, str | None]] = [
    ("r", StudyScreen, "review"),
    ("q", StudyScreen, "quiz"),
    ("p", PracticeScreen, None),
    ("e", ExamsScreen, None),
    ("m", MistakesScreen, None),
    ("s", StatsScreen, None),
    ("b", BrowseScreen, None),
    ("question_mark", HelpScreen, None),
]

# command palette entry (its i18n key) → the screen it opens
COMMANDS: list[tuple[str, type]] = [
    ("cmd.review", StudyScreen),
    ("cmd.quiz", StudyScreen),
    ("cmd.practice", PracticeScreen),
    ("cmd.exams", ExamsScreen),
    ("cmd.mistakes", MistakesScreen),
    ("cmd.stats", StatsScreen),
    ("cmd.browse", BrowseScreen),
    ("cmd.help", HelpScreen),
]


def text_of(app: QuizApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def settle(app: QuizApp, pilot: Any) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def run_command(app: QuizApp, pilot: Any, name: str) -> None:
    """ctrl+p, type ``name``, enter."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*name)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(app, pilot)


async def test_every_key_on_home_opens_its_screen_and_escape_comes_back(
    app_factory: Callable[..., QuizApp],
) -> None:
    app = app_factory(warm_grader=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        for key, screen_type, mode in KEYS:
            await pilot.press(key)
            await settle(app, pilot)
            assert isinstance(app.screen, screen_type), (key, type(app.screen).__name__)
            if mode is not None:
                assert app.screen.mode == mode  # type: ignore[attr-defined]
            await pilot.press("escape")
            await settle(app, pilot)
            assert app.screen is home, (key, type(app.screen).__name__)
        assert app.screen_stack == [home]  # home is the default screen: nothing left behind


async def test_every_screen_is_in_the_command_palette(
    app_factory: Callable[..., QuizApp],
) -> None:
    app = app_factory(warm_grader=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        home = app.screen
        for key, screen_type in COMMANDS:
            await run_command(app, pilot, translate(key, "ko"))
            assert isinstance(app.screen, screen_type), (key, type(app.screen).__name__)
            await pilot.press("escape")
            await settle(app, pilot)
            assert app.screen is home, key
        # "home" from deeper down pops back to home
        await pilot.press("s")
        await settle(app, pilot)
        await run_command(app, pilot, translate("cmd.browse", "ko"))
        assert isinstance(app.screen, BrowseScreen)
        await run_command(app, pilot, translate("cmd.home", "ko"))
        assert app.screen_stack == [home]


async def test_a_quiz_per_syllabus_entry_from_the_palette(
    app_factory: Callable[..., QuizApp],
) -> None:
    app = app_factory(warm_grader=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await run_command(app, pilot, "퀴즈: 손실함수")
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.mode == "quiz"
        card = screen.session.current()
        assert card is not None and any(r.start <= 50 <= r.end for r in card.ref.pages)


@pytest.mark.parametrize(
    ("lang", "keys", "coverage"),
    [
        ("en", "r review · q quiz", "Coverage of the exam scope"),
        ("ko", "r 복습 · q 퀴즈", "시험 범위 숙달도"),
    ],
)
async def test_the_interface_speaks_the_chosen_language(
    tmp_path: Path, clock: FakeClock, lang: str, keys: str, coverage: str
) -> None:
    app = make_app(resolve(data_dir=str(tmp_path / "d"), lang=lang), clock=clock, warm_grader=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert app.title == translate("app.title", lang)
        assert text_of(app, "#ways").startswith(keys)
        titles = [str(s.content) for s in app.screen.query(".section-title").results(Static)]
        assert coverage in titles
        await pilot.press("b")
        await settle(app, pilot)
        search = app.screen.query_one("#text", Input)
        assert search.placeholder == translate("browse.search", lang)


async def test_the_locale_chooses_the_language_when_none_is_given(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert resolve(data_dir=str(tmp_path / "d")).lang == "ko"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    settings = resolve(data_dir=str(tmp_path / "d"))
    app = make_app(settings, clock=clock, warm_grader=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert text_of(app, "#ways").startswith("r review")


BROKEN_ITEMS = """\
items:
  - id: broken-one
    type: single_choice
    pages: [17]
    prompt: 고르세요
    choices: [가, 나]
    answer: 다
  - id: broken-two
    type: essay
    pages: [17]
    prompt: 쓰세요
"""


async def test_a_bank_with_errors_opens_a_screen_listing_them(
    tmp_path: Path, clock: FakeClock
) -> None:
    extra = tmp_path / "my-bank"
    (extra / "items").mkdir(parents=True)
    broken = extra / "items" / "broken.yaml"
    broken.write_text(BROKEN_ITEMS, encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.toml").write_text(f'banks = ["{extra}"]\n', encoding="utf-8")
    settings = resolve(data_dir=str(data), lang="ko")
    assert settings.banks == [extra]
    app = make_app(settings, clock=clock, warm_grader=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert isinstance(app.screen, BankErrorsScreen)
        assert app.service is None  # nothing studies on a broken bank
        lines = [str(s.content) for s in app.screen.query(".problem").results(Static)]
        assert len(lines) == 2
        assert lines[0].startswith(f"{broken}:7: ") and "'다'" in lines[0]
        assert lines[1].startswith(f"{broken}:9: ") and "essay" in lines[1]
        assert "없는 유형 'essay'" in lines[1]  # worded in the interface language
        assert translate("errors.intro", "ko", count=2) in [
            str(s.content) for s in app.screen.query(Static).results(Static)
        ]
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code in (None, 0)


async def test_a_file_that_is_not_a_database_is_a_clear_message_and_stays_untouched(
    tmp_path: Path, clock: FakeClock
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    notes = data / "progress.db"
    content = "my notes, not a database\n" * 50
    notes.write_text(content, encoding="utf-8")
    app = make_app(resolve(data_dir=str(data), lang="en"), clock=clock, warm_grader=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert isinstance(app.screen, FatalScreen)
        message = text_of(app, "#fatal-message")
        assert str(notes) in message and "not" in message and "\n" not in message
        assert "Traceback" not in message
        await pilot.press("q")
    assert notes.read_text(encoding="utf-8") == content
    assert sorted(p.name for p in data.iterdir() if p.name.startswith("progress")) == [
        "progress.db"
    ]


async def test_a_quiz_learns_new_cards_only_when_chosen_in_the_palette(
    app_factory: Callable[..., QuizApp],
) -> None:
    """q's quiz leaves today's new-card limit alone; the palette's "learn new cards" quiz
    counts its first answers against it."""
    app = app_factory(warm_grader=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("q")
        await settle(app, pilot)
        assert isinstance(app.screen, StudyScreen) and not app.screen.session.counts_new
        await pilot.press("escape")
        await settle(app, pilot)
        await run_command(app, pilot, translate("cmd.quiz_learn_new", "ko"))
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.mode == "quiz"
        assert screen.session.counts_new


async def test_home_and_every_screen_style_come_right_after_the_first_frame(
    app_factory: Callable[..., QuizApp],
) -> None:
    """The first frame waits only for home's title and loading line (bench/
    bench_tui_startup.py); home's table, side column and footer, and the other screens'
    styles (screens.tcss), are in place by the time the bank is loaded."""
    from textual.widgets import DataTable, Footer

    import quizapp.tui

    app = app_factory(warm_grader=False)
    screens_css = str(Path(quizapp.tui.__file__).with_name("screens.tcss").resolve())
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen) and home.body_ready
        assert home.query(DataTable) and home.query(Footer)
        assert app.stylesheet.has_source(screens_css)
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        help_box = app.screen.query_one("#help")
        assert help_box.styles.width is not None and help_box.styles.width.value == 90

"""The class screen through the real app: from the command palette, on a store several
students share, and on a store with one profile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Static

from question_bank import load_banks
from quizapp.i18n import translate
from quizapp.settings import resolve
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.classroom import ClassScreen
from tests.classroom.class_data import fill_class
from tests.store.helpers import FakeClock, write_sample_bank

from .conftest import wait_ready
from .test_navigation import run_command


def text_of(app: QuizApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def test_the_class_screen_shows_every_student_and_the_summary(
    app_factory: Callable[..., QuizApp], tmp_path: Path
) -> None:
    bank_dir = write_sample_bank(tmp_path / "bank")
    settings = resolve(
        data_dir=str(tmp_path / "data"), banks=[str(bank_dir)], lang="ko", profile="kim"
    )
    bank, _ = load_banks([bank_dir])
    fill_class(settings.database_url, bank, FakeClock())
    app = app_factory(settings=settings)
    async with app.run_test(size=(140, 45)) as pilot:
        await wait_ready(app, pilot)
        await run_command(app, pilot, translate("cmd.class", "ko"))
        assert isinstance(app.screen, ClassScreen)
        table = app.screen.query_one(DataTable)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == [
            "kim",
            "lee",
            "park",
            "quiet",
        ]
        assert text_of(app, "#class-title").startswith("반 보고서 — 학생 4명 (활동 3명)")
        summary = text_of(app, "#class-summary")
        assert "tk · output shape: 2/3명" in summary
        assert "softmax-on-logits: 2명 — 로짓에 소프트맥스" in summary
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ClassScreen)


async def test_a_store_of_one_profile_has_no_class(app_factory: Callable[..., QuizApp]) -> None:
    app = app_factory()
    async with app.run_test(size=(140, 45)) as pilot:
        await wait_ready(app, pilot)
        await run_command(app, pilot, translate("cmd.class", "ko"))
        assert isinstance(app.screen, ClassScreen)
        assert text_of(app, "#class-title") == translate("class.single_profile", "ko")
        assert not app.screen.query_one(DataTable).display

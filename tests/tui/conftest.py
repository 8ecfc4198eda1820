"""Fixtures for driving the real app with Textual's Pilot: a temp data folder, a fake clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from quizapp.settings import Settings, resolve
from quizapp.tui.app import QuizApp, make_app

if TYPE_CHECKING:
    pass


class FakeClock:
    """A clock the test moves by hand (UTC)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return resolve(data_dir=str(tmp_path / "data"), lang="ko", profile="student")


@pytest.fixture
def app_factory(settings: Settings, clock: FakeClock) -> Callable[..., QuizApp]:
    def build(**options: Any) -> QuizApp:
        options.setdefault("clock", clock)
        # No grader warm-up unless a test asks for it: each warm-up starts worker processes
        # that import torch, which more than doubles the time of screens that never grade.
        options.setdefault("warm_grader", False)
        return make_app(options.pop("settings", settings), **options)

    return build


async def wait_ready(app: QuizApp, pilot: Any, timeout: float = 20.0) -> None:
    """Pause until the bank and the store are loaded (or a problem screen is up)."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while app.service is None and loop.time() < deadline:
        await pilot.pause(0.05)
        name = type(app.screen).__name__
        if name in ("BankErrorsScreen", "FatalScreen"):
            return
    await pilot.pause()


async def until(pilot: Any, condition: Callable[[], object], timeout: float = 30.0) -> None:
    """Pause until ``condition()`` holds (polling; no fixed sleeps)."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out waiting"
        await pilot.pause(0.05)
    await pilot.pause()


def screen_text(app: QuizApp) -> str:
    """What the terminal shows now, as plain text lines (the screen and any dialog over it,
    composited as Textual draws them): the Pilot capture the layout tests read."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)

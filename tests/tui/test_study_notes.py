"""The study screen shows what the answer matcher accepted and why (Pilot, 80x24)."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input

from quizapp.settings import Settings
from quizapp.tui.app import QuizApp

from .conftest import wait_ready
from .test_study import feedback, pilot_settings, quiz_of, study_screen

__all__ = ["pilot_settings"]


async def test_a_counter_after_the_number_is_right_and_said_so(
    app_factory: Callable[..., QuizApp], pilot_settings: Settings
) -> None:
    app = app_factory(settings=pilot_settings, start=quiz_of("numeric"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        await pilot.pause()
        await pilot.press(*"26개", "enter")
        await pilot.pause()
        assert study_screen(app).session.right == 1
        text = feedback(app)
        assert "### ✓ 정답 (26개 → 26)" in text


async def test_each_blank_of_a_cloze_is_marked(
    app_factory: Callable[..., QuizApp], pilot_settings: Settings
) -> None:
    app = app_factory(settings=pilot_settings, start=quiz_of("cloze"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        await pilot.pause()
        screen = study_screen(app)
        for blank, text in zip(screen.query(Input), ["Stack입니다", "concat"], strict=True):
            blank.focus()
            blank.value = text
            await pilot.press("enter")
        await pilot.pause()
        text = feedback(app)
        assert "✗ 오답" in text
        assert (
            "빈칸 1 ✓ (Stack입니다 → stack: 답 뒤의 조사·어미는 보지 않습니다) · 빈칸 2 ✗" in text
        )

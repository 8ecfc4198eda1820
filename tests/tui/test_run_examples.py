"""ctrl+r in the task screen: the prompt's examples run after the file, with the layer table
and the explanation of a shape error, in the app's language and at 80x24."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.task import Ran

from .test_practice import practice_app, report_text, submit, task_screen  # noqa: F401

NO_PADDING = Path(__file__).parents[1] / "grader" / "crashing" / "cnn-fashion"


async def test_ctrl_r_shows_the_layers_of_the_example_and_why_it_fails(
    practice_app: Callable[..., QuizApp],  # noqa: F811
) -> None:
    app = practice_app("cnn-fashion")  # the suite's settings: Korean
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await task_screen(app, pilot)
        code = (NO_PADDING / "no_padding_linear_kept.py").read_text(encoding="utf-8")
        outcome = await submit(pilot, screen, code, key="ctrl+r")
        assert isinstance(outcome, Ran)
        text = report_text(screen)
        assert "문제의 예시 실행:" in text
        assert "✗ >>> model(torch.randn(8, 1, 28, 28)).shape" in text
        assert "nn.Linear(3136, 128)" in text and "✗ (8, 1600)" in text
        assert "padding=1를 주면" in text

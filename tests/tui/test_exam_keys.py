"""Moving through a mock exam while typing: page down/up and ctrl+f work in a text box, where
the letters n/p/f are typed as text. A written-only exam, so no grader starts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quizapp.exam.view import stored_response
from quizapp.settings import resolve
from quizapp.tui.app import QuizApp, Start
from quizapp.tui.screens.exam_sit import ExamSitScreen
from quizapp.tui.widgets.answer import TypedAnswer

from .conftest import wait_ready
from .test_exam import until

TYPED = """\
id: typed
title: 단답 모의고사
minutes: 10
pass_percent: 50
sections:
  - title: 단답
    kind: written
    count: 3
    types: [short_answer]
    points_each: 1
"""


async def test_page_keys_and_ctrl_f_move_and_flag_while_typing_letters_stay_text(
    app_factory: Callable[..., QuizApp], tmp_path: Path
) -> None:
    bank = tmp_path / "typed-bank"
    (bank / "exams").mkdir(parents=True)
    (bank / "exams" / "typed.yaml").write_text(TYPED, encoding="utf-8")
    settings = resolve(data_dir=str(tmp_path / "data"), banks=[str(bank)], lang="ko")
    app = app_factory(settings=settings, start=Start("exam", exam_id="typed"))
    async with app.run_test(size=(130, 40)) as pilot:
        await wait_ready(app, pilot)
        await until(pilot, lambda: isinstance(app.screen, ExamSitScreen))
        screen = app.screen
        assert isinstance(screen, ExamSitScreen)
        await until(pilot, lambda: not screen.switching)
        footer = {b.binding.key: b.binding.description for b in screen.active_bindings.values()}
        assert footer["pagedown"] == "다음" and footer["ctrl+f"] == "검토 표시"

        box = screen.widget
        assert isinstance(box, TypedAnswer) and screen.focused is box
        await pilot.press("n", "p", "f")  # letters are the answer's text here
        await pilot.pause()
        assert box.value == "npf" and screen.index == 0

        await pilot.press("ctrl+f")  # flags without leaving the box
        await pilot.pause()
        assert screen.question.flagged and box.value == "npf" and screen.focused is box

        await pilot.press("pagedown")  # the typed answer is saved, the next question shows
        await until(pilot, lambda: screen.index == 1 and not screen.switching)
        runner = app.exam_runner
        assert runner is not None
        first = runner.reload(screen.attempt).questions[0]
        assert stored_response(first) == "npf"
        assert isinstance(screen.focused, TypedAnswer) and screen.focused.value == ""

        await pilot.press("pageup")  # and back: the saved text is in the box again
        await until(pilot, lambda: screen.index == 0 and not screen.switching)
        assert isinstance(screen.widget, TypedAnswer) and screen.widget.value == "npf"

"""The task screen at 80×24 and 120×36: the task's text wide enough to read (above the
editor below 100 columns, the whole screen on f2), signatures and layer tables wrapped
rather than cut with "…", the grade's diagnosis above its checks, and every scrollable
pane reachable from the keyboard with its key in the footer (Tab indents in the editor)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from grader.text import tr
from grader.verdict.result import Diagnosis
from grader.workers.handle import Handle
from quizapp.tui.app import QuizApp, Start
from quizapp.tui.screens.task import Graded, TaskScreen
from quizapp.tui.widgets.check_report import CheckReport
from tests.verdicts import verdict

from .conftest import screen_text, until, wait_ready

SIZES = [(80, 24), (120, 36)]
LAYER = "Conv2d(32, 64, kernel_size=3, padding=1)"  # a row of cnn-fashion's layer table


async def open_task(app: QuizApp, pilot: Any) -> TaskScreen:
    await wait_ready(app, pilot)
    await until(pilot, lambda: isinstance(app.screen, TaskScreen))
    assert isinstance(app.screen, TaskScreen)
    await pilot.pause()
    return app.screen


class PendingGrader:
    """A grader whose jobs never finish on their own (escape cancels them)."""

    def submit(self, task: Any, source: str, mode: str = "grade") -> Handle:
        return Handle(task.id)


def footer(text: str) -> str:
    return text.rstrip("\n").splitlines()[-1]


def joined(text: str) -> str:
    """The task's pane (left of the editor's border) with its lines run together and no
    spaces, so that a signature wrapped over two lines reads as one."""
    return "".join(line.split("▕")[0] for line in text.splitlines()).replace(" ", "")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_task_text_is_wide_wraps_and_f2_scrolls_it(
    app_factory: Callable[..., QuizApp], size: tuple[int, int]
) -> None:
    app = app_factory(start=Start("practice", task_id="cnn-fashion"))
    async with app.run_test(size=size) as pilot:
        screen = await open_task(app, pilot)
        prompt = screen.query_one("#task-prompt")
        narrow = size[0] < TaskScreen.NARROW
        assert screen.has_class("-narrow") is narrow
        # 80 columns: the text spans the screen above the editor (it was ~28 columns)
        assert prompt.size.width >= (size[0] - 4 if narrow else size[0] * 2 // 5 - 4)
        assert screen.focused is screen.editor
        assert "f2 문제" in footer(screen_text(app))
        assert "f4" not in footer(screen_text(app))  # no report yet

        await pilot.press("tab")  # Tab indents the code; it never leaves the editor
        assert screen.focused is screen.editor

        await pilot.press("f2")
        assert screen.focused is prompt
        assert screen.has_class("-reading") is narrow  # 80 columns: the text fills the screen
        if narrow:
            assert prompt.size.height >= size[1] - 4 and not screen.query_one("#task-work").display
        seen = screen_text(app)
        for _ in range(12):  # PgDn through the whole text, keeping every page
            await pilot.press("pagedown")
            await pilot.pause()
            seen += screen_text(app)
        assert prompt.scroll_y > 0
        assert LAYER.replace(" ", "") in joined(seen)  # the layer table's rows wrap
        signature = "def __init__(self, num_classes=10): ..."
        assert signature.replace(" ", "") in joined(seen)  # and so does the signature
        assert "…" not in seen

        await pilot.press("f2")  # and back to the editor
        assert screen.focused is screen.editor and not screen.has_class("-reading")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_diagnosis_comes_first_and_f4_reaches_the_report(
    app_factory: Callable[..., QuizApp], size: tuple[int, int]
) -> None:
    app = app_factory(start=Start("practice", task_id="cnn-fashion"), grader=PendingGrader())
    async with app.run_test(size=size) as pilot:
        screen = await open_task(app, pilot)
        result = verdict("cnn-fashion", 0.0).model_copy(
            update={
                "diagnoses": [
                    Diagnosis(
                        id="missing-flatten",
                        message=tr("flatten before Linear (p.113)", "Linear 전에 펼치세요 (p.113)"),
                    )
                ]
            }
        )
        screen.show_outcome(Graded(result, counted=False))
        await pilot.pause()
        report = screen.query_one("#task-report", CheckReport)
        lines = report.text.splitlines()
        diagnosis = lines.index("살펴볼 점")
        check = lines.index(next(line for line in lines if line.startswith("✗ 값")))
        assert diagnosis < check  # the explanation is read before the list of checks
        assert "Linear 전에 펼치세요" in lines[diagnosis + 1]
        shown = screen_text(app)
        assert "살펴볼 점" in shown and "f4 결과" in footer(shown)

        await pilot.press("f4")
        assert screen.focused is report
        await pilot.press("f4")
        assert screen.focused is screen.editor

        await pilot.press("f4")  # a new run hides the old report and gives the editor back
        await pilot.press("ctrl+r")
        await until(pilot, lambda: screen.job == "run")
        assert screen.focused is screen.editor and not report.display
        assert "f4" not in footer(screen_text(app))
        await pilot.press("escape")  # cancels the run
        await until(pilot, lambda: screen.job is None)

"""A mock exam's results at 80×24 and 120×36: the summary's tables never squeeze into
cells of "…" (a table too wide for the detail pane is a list there), and a question's
model answer and explanation are shown whole, code included (it wraps)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable

from question_bank import load_bank
from quizapp.settings import resolve
from quizapp.tui.app import QuizApp, Start
from quizapp.tui.screens.exam_results import ExamResultsScreen
from quizapp.tui.screens.exam_sit import ExamSitScreen
from quizapp.tui.screens.exam_submit import ExamSubmitScreen

from .conftest import screen_text, until, wait_ready

SIZES = [(80, 24), (120, 36)]
LSTM = """\
id: lstm-shapes
title: LSTM 모양 드릴
minutes: 10
pass_percent: 50
sections:
  - title: LSTM 출력 모양과 파라미터 수 (긴 제목의 필기 구역)
    kind: written
    pages: ["181-182"]
    types: [single_choice]
    count: {count}
    points_each: 2
"""


def detail(text: str) -> str:
    """The detail pane's text: right of the question list's edge, spaces dropped (lines
    wrap)."""
    lines = [line.split("▏", 1)[1] for line in text.splitlines()[2:-1] if "▏" in line]
    return "".join(lines).replace(" ", "")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_results_fit_the_pane_and_the_model_answer_is_whole(
    app_factory: Callable[..., QuizApp], tmp_path: Path, size: tuple[int, int]
) -> None:
    bank = tmp_path / "bank"
    (bank / "exams").mkdir(parents=True)
    drill = bank / "exams" / "lstm.yaml"
    drill.write_text(LSTM.format(count=1), encoding="utf-8")
    loaded = load_bank([bank])
    pool = len(loaded.written_pool(loaded.exams["lstm-shapes"].sections[0]))  # draw them all
    drill.write_text(LSTM.format(count=pool), encoding="utf-8")
    settings = resolve(
        data_dir=str(tmp_path / "data"), banks=[str(bank)], lang="ko", profile="student"
    )
    app = app_factory(settings=settings, start=Start("exam", exam_id="lstm-shapes"))
    async with app.run_test(size=size) as pilot:
        await wait_ready(app, pilot)
        await until(pilot, lambda: isinstance(app.screen, ExamSitScreen))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ExamSubmitScreen))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, ExamResultsScreen))
        screen = app.screen
        assert isinstance(screen, ExamResultsScreen)
        await until(pilot, lambda: screen.results is not None, timeout=60)
        await pilot.pause()
        summary = screen_text(app)
        table = screen.query_one("#results-questions", DataTable)
        pane = detail(summary)
        assert "…" not in pane, summary  # no squeezed table cells
        assert f"0/{2 * pool}" in pane, summary  # the section's score, whole
        assert "LSTM출력모양과파라미터수(긴제목의필기구역)" in pane, summary
        assert "위에서부터다시공부하세요" in pane, summary  # a heading wraps, never cut

        assert screen.results is not None
        items = [q.item_id for q in screen.results.attempt.questions]
        assert "lstm-m-output-shape" in items  # every single choice of the pages is drawn
        table.focus()
        table.move_cursor(row=items.index("lstm-m-output-shape") + 1)
        await pilot.pause()
        seen = ""
        for _ in range(8):  # the whole pane, page by page
            seen += detail(screen_text(app))
            screen.query_one("#results-detail").scroll_page_down(animate=False)
            await pilot.pause()
        assert "…" not in seen
        assert "(8,20,64)" in seen and "batch_first=True이므로" in seen
        assert "hidden_size(64)로바뀝니다." in seen  # the explanation to its last word

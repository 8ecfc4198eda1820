"""A training task in the practice editor (Pilot, real grader processes): the live training
status and cancelling it, the report with metric, target, CPU time and parameters, the
attempt history with its plot, the leaderboard, and ctrl+r's quick run that scores nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from grader import Grader
from quizapp.store import open_url
from quizapp.study.practice_view import format_duration
from quizapp.tui.app import QuizApp
from quizapp.tui.widgets.training_panel import TrainingPanel
from tests.verdicts import training_verdict

from .conftest import until
from .test_practice import SIZE, practice_app, report_text, status_text, submit, task_screen

__all__ = ["practice_app"]  # the fixture, imported for these tests

TASK = "train-cancer-binary"
FOREVER = """\
import torch
from torch import nn

def build_model():
    return nn.Linear(30, 2)

def train(model, x, y):
    while True:
        pass
"""


def cpu_shown(status: str) -> float:
    """The CPU seconds the training status line shows (``CPU 1.3 / 예산 30초``)."""
    found = re.search(r"CPU (\d+\.\d) / 예산", status)
    assert found, status
    return float(found.group(1))


def panel(app: QuizApp) -> TrainingPanel:
    return app.screen.query_one(TrainingPanel)


async def test_training_then_scoring_shows_measures_history_and_leaderboard(
    practice_app: Callable[..., QuizApp], settings: Any
) -> None:
    with open_url(settings.database_url, "rival") as rival:  # someone else's attempt
        rival.practice.submit(
            TASK, "# rival", training_verdict(TASK, 0.99, cpu_s=1.5, parameters=62)
        )
    app = practice_app(TASK)
    async with app.run_test(size=SIZE) as pilot:
        screen = await task_screen(app, pilot)
        assert "ctrl+r" in status_text(screen) and "채점 아님" in status_text(screen)
        assert panel(app).metrics == []
        assert "rival" in panel(app).board and "0.9900" in panel(app).board

        solution = screen.practice_task.read("solution.py")
        graded = await submit(pilot, screen, solution)
        assert graded.result.passed and graded.counted
        text = report_text(screen)
        assert "정확도 0.9737 (목표 0.95)" in text
        assert "파라미터 513개" in text and "학습 CPU" in text
        # the status counts what the budget counts: the run's CPU seconds, not wall time
        report = graded.result.training
        assert report is not None and report.cpu_s > 0
        cpu = f"학습 CPU {report.cpu_s:.1f} / {report.cpu_budget_s:g}초"
        assert cpu in status_text(screen) and cpu in text
        assert format_duration(graded.result.duration_s) not in status_text(screen)
        await submit(pilot, screen, screen.practice_task.read("starter.py"))
        assert panel(app).metrics == [0.9737, None]  # oldest first; the starter has no metric
        board = panel(app).board.splitlines()
        assert board[2].split()[:3] == ["1", "rival", "0.9900"]
        assert board[3].split()[:3] == ["2", "student", "0.9737"]


async def test_the_quick_run_trains_on_a_slice_and_records_nothing(
    practice_app: Callable[..., QuizApp],
) -> None:
    app = practice_app(TASK)
    async with app.run_test(size=SIZE) as pilot:
        screen = await task_screen(app, pilot)
        ran = await submit(pilot, screen, screen.practice_task.read("solution.py"), key="ctrl+r")
        assert ran.result.ok
        assert "학습 데이터 128개로 한 번 학습했습니다" in report_text(screen)
        assert app.store is not None and app.store.practice.history(TASK) == []
        assert panel(app).metrics == []


async def test_escape_cancels_training_with_a_live_elapsed_time(
    practice_app: Callable[..., QuizApp], shared_grader: Grader
) -> None:
    app = practice_app(TASK)
    async with app.run_test(size=SIZE) as pilot:
        screen = await task_screen(app, pilot)
        screen.editor.load_text(FOREVER)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: shared_grader.sandbox_processes(), timeout=30)
        await until(pilot, lambda: "학습 중…" in status_text(screen))
        assert "예산 30초" in status_text(screen) and "esc" in status_text(screen)
        # mid-run the line counts the CPU seconds the run has used, measured by the app
        await until(pilot, lambda: cpu_shown(status_text(screen)) >= 1.0, timeout=30)
        assert "실제 경과" in status_text(screen)  # the wall clock, named as such
        await pilot.press("escape")
        await until(pilot, lambda: screen.job is None, timeout=10)
        assert status_text(screen) == app.t("task.cancelled.grade")
        await until(pilot, lambda: not shared_grader.sandbox_processes(), timeout=10)
        assert app.store is not None and app.store.practice.history(TASK) == []

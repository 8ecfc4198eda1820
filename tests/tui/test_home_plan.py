"""The home screen's plan panel: D-n, the predicted score and tonight's first steps, drawn
by a worker after the first frame, in the interface's language, at 80x24."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from quizapp.settings import Settings, resolve
from quizapp.store import open_store
from quizapp.study.exam_plan import ExamPlan, exam_plan
from quizapp.study.planner import Activity
from quizapp.tui.app import QuizApp
from quizapp.tui.widgets.plan_panel import PlanPanel

from .conftest import FakeClock, until, wait_ready

# five steps: the kinds alternate, so that no two are merged into one
ALTERNATING = [
    Activity(kind, item, 1.0, 0.5)
    for kind, item in [
        ("new", "a"),
        ("review", "b"),
        ("new", "c"),
        ("review", "d"),
        ("new", "e"),
    ]
]


def exam_plan_of(app: QuizApp) -> ExamPlan:
    assert app.service is not None
    return exam_plan(app.service)


def set_exam(settings: Settings, when: date) -> None:
    with open_store(settings) as store:
        store.profiles.set_exam_date(when)


def panel_text(app: QuizApp) -> str:
    return str(app.screen.query_one(PlanPanel).render())


async def test_home_shows_the_plan_for_the_exam_date(
    app_factory: Callable[..., QuizApp], settings: Settings, clock: FakeClock
) -> None:
    set_exam(settings, date(2026, 11, 12))  # the clock says 2026-11-02 09:00 UTC
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        panel = app.screen.query_one(PlanPanel)
        await until(pilot, lambda: "D-" in panel_text(app))
        text = panel_text(app)
        assert text.startswith("오늘 할 일 · D-10")
        assert re.search(r"\n예상 [\d.]+ \([\d.]+–[\d.]+\) → [\d.]+\n", text)
        assert re.search(r"\n1\. \d+분 \+[\d.]+ \S", text)  # the first steps of the plan
        # 80 columns: one step (it wraps over several lines) and no "more" line, the side
        # column has no more room
        rendered = panel.render_plan(replace(exam_plan_of(app), plan=ALTERNATING))
        assert "\n1. " in rendered and "\n2. " not in rendered and "quizapp plan" not in rendered
        assert panel.display and panel.region.height > 0
        assert panel.region.right <= 80
        side = app.screen.query_one("#side")
        assert all(w.region.bottom <= side.region.bottom for w in side.children)  # nothing cut


async def test_the_panel_speaks_english_and_hides_without_an_exam_date(
    app_factory: Callable[..., QuizApp], tmp_path: object, clock: FakeClock
) -> None:
    english = resolve(data_dir=str(tmp_path) + "/en", lang="en", profile="student")
    set_exam(english, date(2026, 11, 5))
    app = app_factory(settings=english)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        await until(pilot, lambda: "D-" in panel_text(app))
        text = panel_text(app)
        assert text.startswith("Tonight · D-3") and "\nscore " in text and "Learn" in text
        long_plan = replace(exam_plan_of(app), plan=ALTERNATING)
        rendered = app.screen.query_one(PlanPanel).render_plan(long_plan)
        assert "\n3. " in rendered and "\n… 2 more (quizapp plan)" in rendered
    bare = resolve(data_dir=str(tmp_path) + "/none", lang="ko", profile="student")
    app = app_factory(settings=bare)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        panel = app.screen.query_one(PlanPanel)
        await until(pilot, lambda: panel.has_class("-hidden"))
        assert not panel.display


async def test_home_keeps_the_coverage_row_when_its_numbers_are_refreshed(
    app_factory: Callable[..., QuizApp],
) -> None:
    from textual.widgets import DataTable

    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        table = app.screen.query_one("#coverage", DataTable)
        await until(pilot, lambda: table.row_count > 5 and app.screen.focused is table)
        for _ in range(4):
            await pilot.press("down")
        assert table.cursor_row == 4
        await pilot.press("s")  # stats, and back: home counts again
        await until(pilot, lambda: type(app.screen).__name__ == "StatsScreen")
        await pilot.press("escape")
        await until(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        await pilot.pause(0.3)
        assert table.row_count > 5 and table.cursor_row == 4

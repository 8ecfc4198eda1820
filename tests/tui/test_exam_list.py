"""The mock-exam list: the blueprints with their numbers and past attempts from the store
(and the one still running, with its time left); enter shows one whole; looking starts
nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from textual.widgets import DataTable, Markdown, Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.exam_blueprint import BlueprintScreen
from quizapp.tui.screens.exams import ExamsScreen

from .conftest import FakeClock, wait_ready


async def open_exams(app: QuizApp, pilot: Any) -> DataTable[Any]:
    await wait_ready(app, pilot)
    await pilot.press("e")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, ExamsScreen), type(app.screen).__name__
    return app.screen.query_one("#blueprints", DataTable)


def row_of(table: DataTable[Any], blueprint: str) -> list[Any]:
    return [str(cell) for cell in table.get_row(blueprint)]


async def test_the_blueprints_are_listed_with_what_they_hold(
    app_factory: Callable[..., QuizApp],
) -> None:
    app = app_factory(warm_grader=False)
    async with app.run_test(size=(130, 40)) as pilot:
        table = await open_exams(app, pilot)
        assert app.bank is not None
        assert table.row_count == len(app.bank.exams) == 3  # mock, drill, beyond-the-exam drill
        assert row_of(table, "ai-essential-mock") == [
            "AI Essential 모의고사 (필기 + 실기)",
            "100분",
            "필기 25 · 실기 4",  # four practical sections of one task each
            "100",  # 25 × 2 + 10 + 10 + 15 + 15
            "60%",
            "없음",
        ]
        assert not app.screen.query_one("#exams-note", Static).display  # nothing running
        await pilot.press("escape")
        assert type(app.screen).__name__ == "HomeScreen"


async def test_past_attempts_and_a_blueprint_opened_whole(
    app_factory: Callable[..., QuizApp], clock: FakeClock
) -> None:
    app = app_factory(warm_grader=False)
    async with app.run_test(size=(130, 40)) as pilot:
        await wait_ready(app, pilot)
        assert app.store is not None
        exams = app.store.exams
        early = clock() - timedelta(days=3)
        first = exams.start("written-drill", 1, 15, [("x", "written")], early)
        exams.finish(first.id, score=9, max_score=12, passed=True, at=early + timedelta(minutes=14))
        second = exams.start(
            "written-drill", 2, 15, [("x", "written")], clock() - timedelta(days=1)
        )
        exams.finish(second.id, score=4, max_score=12, passed=False, at=clock())
        exams.start("written-drill", 3, 15, [("x", "written")], clock())  # left unfinished

        clock.advance(minutes=2, seconds=30)
        table = await open_exams(app, pilot)
        assert row_of(table, "written-drill")[-1] == "3회 · 최고 75% · 진행 중 (남은 12:30)"
        note = str(app.screen.query_one("#exams-note", Static).content)
        assert note == "응시 중: 필기 15분 드릴 — 진행 중 (남은 12:30) · s: 이어서 풀기"
        assert table.cursor_row == table.get_row_index("written-drill")
        assert row_of(table, "ai-essential-mock")[-1] == "없음"
        table.move_cursor(row=table.get_row_index("written-drill"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BlueprintScreen)
        body = str(app.screen.query_one("#blueprint-body", Markdown).source)
        assert body.startswith("# 필기 15분 드릴")
        assert "15분 · 12문항 · 총 12점 · 합격선 60%" in body
        assert "시험 범위 전체에서 필기 문제 12개를 15분 안에 풉니다." in body  # description
        assert "| 필기 | 필기 | 12 | 1 | 전체 범위 |" in body
        assert "> 진행 중인 응시가 있습니다 (남은 시간 12:30) — enter 또는 s: 이어서 풀기" in body
        past = body.split("## 지난 응시 기록", 1)[1]
        results = [line.split(" | ")[1:] for line in past.splitlines() if line.startswith("| 20")]
        assert results == [["—", "미완료 |"], ["33.3%", "불합격 |"], ["75%", "합격 |"]]
        await pilot.press("escape")
        assert isinstance(app.screen, ExamsScreen)
        clock.advance(minutes=13)  # its time ran out: the list says opening submits it
        app.screen.load_attempts()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert row_of(table, "written-drill")[-1] == "3회 · 최고 75% · 시간 종료 — 열면 제출"
        # looking never starts an exam
        assert len(exams.attempts()) == 3
        await pilot.press("escape")
        assert type(app.screen).__name__ == "HomeScreen"


async def test_practical_sections_name_their_kind_and_draw(
    app_factory: Callable[..., QuizApp],
) -> None:
    app = app_factory(warm_grader=False)
    async with app.run_test(size=(130, 40)) as pilot:
        table = await open_exams(app, pilot)
        table.move_cursor(row=table.get_row_index("ai-essential-mock"))
        await pilot.press("enter")
        await pilot.pause()
        body = str(app.screen.query_one("#blueprint-body", Markdown).source)
        assert (
            "| 필기 | 필기 | 25 | 2 | 시험 범위의 모든 항목에서 고르게 · 같은 계열은 한 번만 |"
            in body
        )
        assert "| 실기 2 — 배치 (Batch) | 실기: 배치 | 1 | 10 |" in body
        assert (
            "| 실기: 모델 구현 | 1 | 15 | 가중치 `lstm-text-classifier` ×3 · 같은 계열은 한 번만 |"
            in body
        )
        assert "| 실기: 학습 문제 | 1 | 15 | 같은 계열은 한 번만 |" in body
        assert body.rstrip().endswith("없음")  # no attempts yet


async def test_home_lists_the_five_latest_attempts_newest_first(
    app_factory: Callable[..., QuizApp], clock: FakeClock
) -> None:
    app = app_factory(warm_grader=False)
    async with app.run_test(size=(130, 40)) as pilot:
        await wait_ready(app, pilot)
        assert app.store is not None
        for n in range(7):  # 10%, 20%, … 70%, one a day, the last one yesterday
            day = clock() - timedelta(days=7 - n)
            attempt = app.store.exams.start("written-drill", n, 15, [("x", "written")], day)
            app.store.exams.finish(
                attempt.id, score=1.2 * (n + 1), max_score=12, passed=n >= 5, at=day
            )
        await pilot.press("s")  # leave home and come back: it reloads
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = str(app.screen.query_one("#attempts", Static).content).splitlines()
        assert [line.split()[-2] for line in lines] == ["70%", "60%", "50%", "40%", "30%"]
        assert lines[0].startswith("✓ 필기 15분 드릴 70%") and lines[-1].startswith("✗ ")


async def test_a_store_problem_still_lists_the_blueprints_and_says_why(
    app_factory: Callable[..., QuizApp],
) -> None:
    from sqlalchemy import text
    from textual.message import Message
    from textual.notifications import Notify

    notes: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            notes.append(message.notification.message)

    app = app_factory(warm_grader=False)
    async with app.run_test(size=(130, 40), message_hook=hook) as pilot:
        await wait_ready(app, pilot)
        assert app.store is not None
        with app.store.db.engine.begin() as conn:
            conn.execute(text("DROP TABLE exam_answers"))
            conn.execute(text("DROP TABLE exam_attempts"))
        table = await open_exams(app, pilot)
        assert app.bank is not None and table.row_count == len(app.bank.exams)
        [note] = [n for n in notes if n.startswith("기록을 불러오지 못했습니다: ")]
        assert "cannot read the progress store" in note and "exam_attempts" in note


async def test_the_columns_follow_the_terminal_when_it_is_resized(
    app_factory: Callable[..., QuizApp],
) -> None:
    """Opened at 80 columns the title wraps in a narrow column; widened to 120 it has its
    whole width, and back at 80 it wraps again: every column stays in view."""
    app = app_factory(warm_grader=False)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_exams(app, pilot)

        def title_width() -> int:
            title = next(c for c in table.ordered_columns if c.key.value == "title")
            return title.get_render_width(table)

        def fits() -> bool:
            return table.virtual_size.width <= table.scrollable_content_region.width

        narrow = title_width()
        assert fits()
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert title_width() > narrow and fits()
        assert row_of(table, "ai-essential-mock")[0] == "AI Essential 모의고사 (필기 + 실기)"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert title_width() == narrow and fits()

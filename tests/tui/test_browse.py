"""Browsing the bank through the real app: text, page, type and tag narrow the table; enter
opens an item whole (answer and explanation); escape comes back with the filters kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Markdown, Select, Static

from quizapp.formatting import clip
from quizapp.settings import Settings, resolve
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.browse import BrowseScreen
from quizapp.tui.screens.item import ItemScreen
from tests.conftest import write_tree

from .conftest import wait_ready

SIZE = (130, 40)

# Pages beyond the bundled bank (which ends at 260) and a word it never uses.
EXTRA_BANK = {
    "items/browse.yaml": """
        tags: [browse-test]
        items:
          - id: bt-single
            type: single_choice
            pages: [900]
            prompt: 브라우즈 단일 선택 — 다중 분류의 손실함수는?
            choices: [MSELoss, CrossEntropyLoss]
            answer: CrossEntropyLoss
            explanation: 분류에는 **CrossEntropyLoss**를 씁니다.
          - id: bt-numeric
            type: numeric
            pages: [901]
            tags: [browse-test, 계산]
            prompt: 브라우즈 수치 — Linear(3, 2)의 파라미터 수는?
            answer: 8
            explanation: 가중치 3×2에 편향 2를 더해 8개입니다.
          - id: bt-card
            type: flashcard
            pages: [950]
            tags: [카드-only]
            front: 브라우즈 카드 앞면
            back: 브라우즈 카드 뒷면
          - id: bt-markup
            type: true_false
            pages: [960]
            tags: [markup]
            prompt: "마크업시험 — `x[i]`와 [/b]는 글자 그대로 보인다"
            answer: true
    """,
}


@pytest.fixture
def browse_settings(tmp_path: Path) -> Settings:
    extra = write_tree(tmp_path / "extra-bank", EXTRA_BANK)
    return resolve(data_dir=str(tmp_path / "data"), banks=[str(extra)], lang="ko")


def ids(app: QuizApp) -> list[str]:
    table = app.screen.query_one("#results", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def open_browse(app: QuizApp, pilot: Any) -> BrowseScreen:
    await wait_ready(app, pilot)
    await pilot.press("b")
    await pilot.pause()
    assert isinstance(app.screen, BrowseScreen)
    return app.screen


async def type_into(pilot: Any, screen: BrowseScreen, selector: str, text: str) -> None:
    field = screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    if text:
        await pilot.press(*text)
    await pilot.pause()


async def test_text_pages_type_and_tag_narrow_the_table(
    app_factory: Callable[..., QuizApp], browse_settings: Settings
) -> None:
    app = app_factory(settings=browse_settings, warm_grader=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_browse(app, pilot)
        everything = len(ids(app))
        assert app.bank is not None
        assert everything == len(app.bank.items) + len(app.bank.tasks)
        count = screen.query_one("#count", Static)

        await type_into(pilot, screen, "#text", "브라우즈")
        assert ids(app) == ["bt-single", "bt-numeric", "bt-card"]
        assert str(count.content) == f"3 / {everything}개"
        await type_into(pilot, screen, "#text", "브라우즈 파라미터")  # every word must match
        assert ids(app) == ["bt-numeric"]
        await type_into(pilot, screen, "#text", "crossentropyloss 브라우즈")  # answers, any case
        assert ids(app) == ["bt-single"]
        await type_into(pilot, screen, "#text", "")
        assert len(ids(app)) == everything

        await type_into(pilot, screen, "#pages", "900-949")
        assert ids(app) == ["bt-single", "bt-numeric"]
        await type_into(pilot, screen, "#pages", "950")
        assert ids(app) == ["bt-card"]
        screen.query_one("#pages", Input).value = "950-x"  # a typo says so, keeps the table
        await pilot.pause()
        assert "페이지 형식 오류" in str(count.content)
        assert ids(app) == ["bt-card"]
        await type_into(pilot, screen, "#pages", "")

        screen.query_one("#tag", Select).value = "browse-test"
        await pilot.pause()
        assert ids(app) == ["bt-single", "bt-numeric"]
        screen.query_one("#type", Select).value = "numeric"
        await pilot.pause()
        assert ids(app) == ["bt-numeric"]
        screen.query_one("#tag", Select).value = "계산"
        await pilot.pause()
        assert ids(app) == ["bt-numeric"]
        screen.query_one("#tag", Select).clear()
        screen.query_one("#type", Select).value = "flashcard"
        await pilot.pause()
        shown = ids(app)
        assert "bt-card" in shown and "bt-single" not in shown
        assert all(app.bank.items[i].type == "flashcard" for i in shown)


async def test_enter_opens_the_item_with_its_answer_and_explanation(
    app_factory: Callable[..., QuizApp], browse_settings: Settings
) -> None:
    app = app_factory(settings=browse_settings, warm_grader=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_browse(app, pilot)
        await type_into(pilot, screen, "#text", "브라우즈")
        await pilot.press("enter")  # from the search box to the table
        table = screen.query_one("#results", DataTable)
        assert table.has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        body = str(app.screen.query_one("#item-body", Markdown).source)
        assert "브라우즈 단일 선택" in body
        assert "**정답:** CrossEntropyLoss" in body
        assert "분류에는 **CrossEntropyLoss**를 씁니다." in body
        assert "교재 쪽 900" in body
        await pilot.press("escape")
        assert app.screen is screen

        await pilot.press("down", "enter")
        await pilot.pause()
        body = str(app.screen.query_one("#item-body", Markdown).source)
        assert "**정답:** 8" in body and "가중치 3×2에 편향 2를 더해 8개입니다." in body
        await pilot.press("escape")
        assert app.screen is screen
        assert table.cursor_row == 1  # back on the row it left
        assert screen.query_one("#text", Input).value == "브라우즈"  # filters kept
        assert ids(app) == ["bt-single", "bt-numeric", "bt-card"]
        await pilot.press("escape")
        assert type(app.screen).__name__ == "HomeScreen"


async def test_a_long_korean_headline_is_clipped_by_width_not_by_characters(
    app_factory: Callable[..., QuizApp], browse_settings: Settings
) -> None:
    app = app_factory(settings=browse_settings, warm_grader=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_browse(app, pilot)
        table = screen.query_one("#results", DataTable)
        # the table fits the screen: no column pushed past the right edge
        assert table.virtual_size.width <= SIZE[0]
        # and the filters stay in view after moving to the bottom of the table
        table.focus()
        await pilot.press("end")
        await pilot.pause()
        assert screen.query_one("#text", Input).region.y >= 0
        assert screen.scroll_offset.y == 0


async def test_brackets_in_a_headline_are_text_not_markup(
    app_factory: Callable[..., QuizApp], browse_settings: Settings
) -> None:
    app = app_factory(settings=browse_settings, warm_grader=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_browse(app, pilot)
        await type_into(pilot, screen, "#text", "마크업시험")
        assert ids(app) == ["bt-markup"]
        cell = screen.query_one("#results", DataTable).get_row_at(0)[3]
        assert str(cell) == "마크업시험 — x[i]와 [/b]는 글자 그대로 보인다"  # code shown as code


def test_clip_counts_cells() -> None:
    assert clip("가나다라마바사", 9) == "가나다라…"  # 8 cells + the ellipsis
    assert clip("abcdef", 6) == "abcdef"
    assert clip("ab가나다", 5) == "ab가…"

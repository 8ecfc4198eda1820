"""Review, quiz, cram and mistakes through the real app (Pilot): every item type answered from
the keyboard, right and wrong; rating and undo; nothing lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Markdown

from quizapp.settings import Settings, resolve
from quizapp.study import CardFilter
from quizapp.tui.app import QuizApp, Start
from quizapp.tui.screens.study import StudyScreen
from quizapp.tui.widgets.answer import ChoiceList, MultiChoiceList

from .conftest import wait_ready

PILOT_BANK = Path(__file__).parent / "data" / "bank"


@pytest.fixture
def pilot_settings(tmp_path: Path) -> Settings:
    return resolve(
        data_dir=str(tmp_path / "data"), banks=[str(PILOT_BANK)], lang="ko", profile="student"
    )


def quiz_of(kind: str, cram: bool = False) -> Start:
    return Start(
        "quiz", card_filter=CardFilter(topic="파일럿", types=frozenset({kind})), count=1, cram=cram
    )


def study_screen(app: QuizApp) -> StudyScreen:
    assert isinstance(app.screen, StudyScreen), type(app.screen).__name__
    return app.screen


def feedback(app: QuizApp) -> str:
    return str(app.screen.query_one("#feedback", Markdown).source)


async def answer(pilot: Any, app: QuizApp, kind: str, right: bool) -> None:
    """Answer the current pilot item of ``kind`` from the keyboard."""
    screen = study_screen(app)
    await pilot.pause()
    if kind == "single_choice":
        choices = screen.query_one(ChoiceList)
        target = "CrossEntropyLoss" if right else "MSELoss"
        await pilot.press(str(choices.values.index(target) + 1))
    elif kind == "multiple_choice":
        choices = screen.query_one(MultiChoiceList)
        wanted = ["ReLU", "Sigmoid"] if right else ["ReLU", "Adam"]
        for choice in wanted:
            await pilot.press(str(choices.choices.index(choice) + 1))
        await pilot.press("enter")
    elif kind == "true_false":
        await pilot.press("o" if right else "x")
    elif kind == "short_answer":
        await pilot.press(*("ArgMax" if right else "argmin"), "enter")
    elif kind == "numeric":
        await pilot.press(*("26" if right else "28"), "enter")
    elif kind == "cloze":
        blanks = list(screen.query(Input))
        assert len(blanks) == 2
        for blank, text in zip(blanks, ["stack", "cat" if right else "concat"], strict=True):
            blank.focus()
            blank.value = text
            await pilot.press("enter")
    await pilot.pause()


ITEM_OF = {
    "single_choice": "pilot-single",
    "multiple_choice": "pilot-multiple",
    "true_false": "pilot-tf",
    "short_answer": "pilot-short",
    "numeric": "pilot-numeric",
    "cloze": "pilot-cloze",
}
WRITTEN = list(ITEM_OF)


@pytest.mark.parametrize("kind", WRITTEN)
@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
async def test_every_item_type_answered_from_the_keyboard(
    app_factory: Callable[..., QuizApp], pilot_settings: Settings, kind: str, right: bool
) -> None:
    app = app_factory(settings=pilot_settings, start=quiz_of(kind))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        await pilot.pause()
        await answer(pilot, app, kind, right)
        screen = study_screen(app)
        assert (screen.session.right, screen.session.wrong) == ((1, 0) if right else (0, 1))
        text = feedback(app)
        assert ("✓ 정답" in text) is right
        assert app.bank is not None
        explanation = app.bank.items[ITEM_OF[kind]].explanation
        assert explanation and explanation.strip() in text
        assert "다음 복습" in text
        # the answer is committed when given
        assert app.store is not None
        assert app.store.reviews.count() == 1
        await pilot.press("enter")  # next → the quiz is over: summary
        await pilot.pause()
        assert screen.state == "done"
        summary = str(screen.query_one("#question", Markdown).source)
        assert ("맞힘 1 · 틀림 0" if right else "맞힘 0 · 틀림 1") in summary


async def test_wrong_answers_are_one_key_away_after_a_quiz(
    app_factory: Callable[..., QuizApp], pilot_settings: Settings
) -> None:
    start = Start(
        "quiz",
        card_filter=CardFilter(topic="파일럿", types=frozenset({"numeric", "true_false"})),
        count=2,
    )
    app = app_factory(settings=pilot_settings, start=start)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        for _ in range(2):
            kind = study_screen(app).card.ref.type  # type: ignore[union-attr]
            await answer(pilot, app, kind, right=False)
            await pilot.press("enter")
            await pilot.pause()
        screen = study_screen(app)
        assert screen.state == "done"
        summary = str(screen.query_one("#question", Markdown).source)
        assert "28에 3x3 합성곱" in summary  # the question, as the student read it
        assert "pilot-numeric" not in summary  # never an internal id
        await pilot.press("w")
        await pilot.pause()
        retry = study_screen(app)
        assert retry is not screen
        assert retry.session.remaining == 2


async def test_cram_checks_answers_without_touching_the_schedule(
    app_factory: Callable[..., QuizApp], pilot_settings: Settings
) -> None:
    app = app_factory(settings=pilot_settings, start=quiz_of("numeric", cram=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        await answer(pilot, app, "numeric", right=False)
        assert study_screen(app).session.wrong == 1
        assert "✗ 오답" in feedback(app)
        assert app.store is not None
        assert app.store.reviews.count() == 0
        assert app.store.reviews.card("pilot-numeric") is None


async def test_review_reveals_rates_with_intervals_and_undoes(
    app_factory: Callable[..., QuizApp], pilot_settings: Settings
) -> None:
    start = Start(
        "quiz", card_filter=CardFilter(topic="파일럿", types=frozenset({"flashcard"})), count=1
    )
    app = app_factory(settings=pilot_settings, start=start)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        screen = study_screen(app)
        assert "파일럿 카드 앞면" in str(screen.query_one("#question", Markdown).source)
        await pilot.press("3")  # rating before revealing does nothing
        assert app.store is not None and app.store.reviews.count() == 0
        await pilot.press("space")
        await pilot.pause()
        assert "파일럿 카드 뒷면" in feedback(app)
        labels = [str(b.label) for b in screen.query("#ratings Button")]
        assert labels[0].startswith("1 다시 · ") and labels[2].startswith("3 알맞음 · ")
        assert all(label.split("· ")[-1] for label in labels)  # every button shows its interval
        await pilot.press("3")
        await pilot.pause()
        assert app.store.reviews.count() == 1
        card = app.store.reviews.card("pilot-card")
        assert card is not None
        await pilot.press("u")
        await pilot.pause()
        assert app.store.reviews.count() == 0
        assert (
            app.store.reviews.card("pilot-card") is None
            or app.store.reviews.card("pilot-card").schedule is None
        )  # type: ignore[union-attr]
        assert screen.card is not None and screen.card.ref.item_id == "pilot-card"
        assert screen.state == "question"


async def test_review_of_due_cards_from_home(
    app_factory: Callable[..., QuizApp], pilot_settings: Settings, clock: Any
) -> None:
    app = app_factory(settings=pilot_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        screen = study_screen(app)
        assert screen.mode == "review"
        assert screen.session.remaining > 0  # new cards within the daily limit
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_mistakes_are_listed_and_retried_in_place(
    app_factory: Callable[..., QuizApp], pilot_settings: Settings
) -> None:
    app = app_factory(settings=pilot_settings, start=quiz_of("short_answer"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        await answer(pilot, app, "short_answer", right=False)
        app.pop_to_home()
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert type(app.screen).__name__ == "MistakesScreen"
        assert [r.item_id for r in app.screen.refs] == ["pilot-short"]  # type: ignore[attr-defined]
        await pilot.press("r")
        await pilot.pause()
        await answer(pilot, app, "short_answer", right=True)
        assert study_screen(app).mode == "mistakes"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.refs == []  # type: ignore[attr-defined]

"""A task in a study flow (mistakes list, `quizapp quiz --type task`) through the real app
(Pilot): the practice editor opens, its submission is the session's answer — counted once,
through the one practice path — and escape goes back to the session's next card. A grader
failure answers nothing; leaving without submitting keeps the task's card (enter reopens
the editor): no dead end."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from grader import Grader
from question_bank import Bank, TrueFalse
from quizapp.study import CardFilter, Rating
from quizapp.tui.app import QuizApp, Start
from quizapp.tui.screens.mistakes import MistakesScreen
from quizapp.tui.screens.study import StudyScreen
from quizapp.tui.screens.task import Graded, TaskScreen
from tests.verdicts import FailingGrader, verdict

from .conftest import FakeClock, until, wait_ready

SIZE = (130, 40)
WRONG_ARGMAX = "def predict_classes(logits):\n    return logits.argmin(dim=1)\n"


async def editor(app: QuizApp, pilot: Any) -> TaskScreen:
    await until(pilot, lambda: isinstance(app.screen, TaskScreen))
    assert isinstance(app.screen, TaskScreen)
    return app.screen


async def grade(pilot: Any, screen: TaskScreen, code: str) -> Graded:
    screen.editor.load_text(code)
    screen.last = None
    await pilot.press("ctrl+s")
    await until(pilot, lambda: screen.last is not None and screen.job is None)
    assert isinstance(screen.last, Graded)
    return screen.last


def study(app: QuizApp) -> StudyScreen:
    assert isinstance(app.screen, StudyScreen), type(app.screen).__name__
    return app.screen


async def test_a_task_retried_from_the_mistakes_list_opens_the_editor_and_the_session_goes_on(
    app_factory: Callable[..., QuizApp], shared_grader: Grader, bank: Bank, clock: FakeClock
) -> None:
    app = app_factory(grader=shared_grader)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        service = app.service
        assert service is not None and app.store is not None
        item = next(i for i in bank.items.values() if isinstance(i, TrueFalse))
        service.session([service.catalogue.by_id[item.id]]).answer(not item.answer)
        clock.advance(seconds=5)
        failed = service.practice.submit("tensor-argmax", WRONG_ARGMAX, verdict("tensor-argmax", 0))
        assert failed is not None  # a failed practice submission: into the mistakes list

        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MistakesScreen))
        assert [r.item_id for r in app.screen.refs] == ["tensor-argmax", item.id]  # type: ignore[attr-defined]
        await pilot.press("r")  # retry all
        screen = await editor(app, pilot)  # the task's card opens the practice editor
        assert screen.practice_task.id == "tensor-argmax" and screen.session is not None
        session = screen.session
        solution = bank.tasks["tensor-argmax"].read("solution.py")
        outcome = await grade(pilot, screen, solution)
        assert outcome.counted and outcome.result.passed
        assert app.t("task.back_to_session") in str(screen.query_one("#task-status").render())
        await pilot.press("ctrl+s")  # counted once: no second submission
        await pilot.pause()
        assert screen.job is None and len(app.store.practice.history("tensor-argmax")) == 2

        await pilot.press("escape")  # back in the flow, on the next card
        await until(pilot, lambda: isinstance(app.screen, StudyScreen))
        await until(pilot, lambda: study(app).state == "question")
        assert study(app).card is not None and study(app).card.ref.item_id == item.id  # type: ignore[union-attr]
        assert (session.answered, session.right, session.wrong) == (1, 1, 0)
        entries = app.store.reviews.entries("tensor-argmax")
        assert [e.rating for e in entries] == [int(Rating.Good), int(Rating.Again)]  # newest first
        await pilot.press("o" if item.answer else "x")
        await until(pilot, lambda: study(app).state == "feedback")
        assert session.answered == 2
        assert service.mistakes() == []


async def test_a_task_quiz_never_dead_ends_and_a_grader_failure_answers_nothing(
    app_factory: Callable[..., QuizApp], bank: Bank
) -> None:
    """`quizapp quiz --type task`: the editor opens; the grader failing there leaves the
    card unanswered and unrecorded; escape comes back to the card, enter reopens the editor."""
    start = Start("quiz", card_filter=CardFilter(types=frozenset({"task"})), count=1)
    app = app_factory(start=start, grader=FailingGrader())
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        screen = await editor(app, pilot)
        task_id = screen.practice_task.id
        session = screen.session
        assert session is not None
        outcome = await grade(pilot, screen, bank.tasks[task_id].read("solution.py"))
        assert outcome.result.internal and not outcome.counted
        assert screen.check_action("submit", ()) and screen.check_action("regrade", ())
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, StudyScreen))
        assert study(app).state == "task" and session.answered == 0
        assert app.store is not None and app.service is not None
        assert app.store.practice.history(task_id) == []
        assert app.store.reviews.entries(task_id) == [] and app.service.mistakes() == []
        hint = str(study(app).query_one("#hint").render())
        assert hint == app.t("study.hint.task")
        await pilot.press("enter")  # the editor again, on the same task
        again = await editor(app, pilot)
        assert again is not screen and again.practice_task.id == task_id

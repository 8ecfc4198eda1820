"""Practice through the real app (Pilot) and real grader processes: the task list, submitting a
passing and a failing solution and reading the checks, cancelling a running grade, run-only
output, drafts, the reference solution and the submission history."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import DataTable, Input, TextArea

from grader import Grader
from question_bank import Bank, overlaps, parse_pages_arg
from quizapp.study import Rating
from quizapp.tui.app import QuizApp, Start
from quizapp.tui.screens.history import HistoryScreen
from quizapp.tui.screens.practice import PracticeScreen
from quizapp.tui.screens.solution import SolutionScreen
from quizapp.tui.screens.task import Cancelled, Graded, Ran, TaskScreen
from quizapp.tui.widgets.check_report import CheckReport
from tests.verdicts import FailingGrader, verdict

from .conftest import until, wait_ready

SIZE = (130, 40)
WRONG_ARGMAX = "def predict_classes(logits):\n    return logits.argmin(dim=1)\n"
FOREVER = "while True:\n    pass\n"


@pytest.fixture
def practice_app(
    app_factory: Callable[..., QuizApp], shared_grader: Grader
) -> Callable[..., QuizApp]:
    def build(task_id: str | None = None, **options: Any) -> QuizApp:
        options.setdefault("grader", shared_grader)
        return app_factory(start=Start("practice", task_id=task_id), **options)

    return build


class Notes:
    """Every notification the app shows (collected with Pilot's message hook)."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.messages.append(message.notification.message)


async def task_screen(app: QuizApp, pilot: Any) -> TaskScreen:
    await wait_ready(app, pilot)
    await until(pilot, lambda: isinstance(app.screen, TaskScreen))
    assert isinstance(app.screen, TaskScreen)
    return app.screen


async def submit(pilot: Any, screen: TaskScreen, code: str, key: str = "ctrl+s") -> Any:
    screen.editor.load_text(code)
    screen.last = None
    await pilot.press(key)
    await until(pilot, lambda: screen.last is not None and screen.job is None)
    return screen.last


def report_text(screen: TaskScreen) -> str:
    return screen.query_one("#task-report", CheckReport).text


def status_text(screen: TaskScreen) -> str:
    return str(screen.query_one("#task-status").render())


async def test_the_list_shows_status_and_best_score_due_tasks_first_and_filters_by_pages(
    practice_app: Callable[..., QuizApp], bank: Bank, clock: Any
) -> None:
    app = practice_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert isinstance(app.screen, PracticeScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(bank.tasks)
        assert [row.id for row in app.screen.rows] == list(bank.tasks)
        assert {(row.status, row.due) for row in app.screen.rows} == {("new", False)}

        assert app.service is not None
        submit_ = app.service.practice.submit
        submit_("cnn-output-size", "x", verdict("cnn-output-size", 10))
        submit_("tensor-argmax", "y", verdict("tensor-argmax", 3))
        clock.advance(minutes=2)  # the failed task's card is due again after a minute
        app.screen.query_one("#practice-pages", Input).focus()
        await pilot.press(*"17-26,105-106")
        await pilot.pause()
        rows = app.screen.rows
        wanted = parse_pages_arg("17-26,105-106")
        expected = [
            t.id
            for t in bank.tasks.values()
            if t.id != "tensor-argmax" and overlaps(t.pages, wanted)
        ]
        assert "cnn-fashion" in expected and "dnn-regression" not in expected
        assert [row.id for row in rows] == ["tensor-argmax", *expected]
        assert table.row_count == len(rows)
        shown = {row.id: row for row in rows}
        assert (shown["tensor-argmax"].status, shown["tensor-argmax"].best_score) == ("failed", 3)
        assert shown["tensor-argmax"].due and not shown["cnn-output-size"].due
        assert (shown["cnn-output-size"].status, shown["cnn-output-size"].attempts) == ("passed", 1)
        assert str(table.get_row("tensor-argmax")[0]) == "●"

        await pilot.press("ctrl+f", "ctrl+u", *"9999")  # no task on that page
        await pilot.pause()
        assert app.screen.rows == [] and table.row_count == 0
        await pilot.press("ctrl+u", *"10-x")  # a typo keeps the list and says why
        await pilot.pause()
        assert "10-x" in str(app.screen.query_one("#practice-count").render())

        await pilot.press("ctrl+u", "enter")  # no filter; enter goes to the list
        await pilot.press("enter")  # and opens the highlighted (first) task
        await until(pilot, lambda: isinstance(app.screen, TaskScreen))
        assert app.screen.practice_task.id == "tensor-argmax"  # type: ignore[attr-defined]


async def test_a_passing_submission_shows_every_check_passed_and_is_recorded_as_good(
    practice_app: Callable[..., QuizApp], bank: Bank
) -> None:
    app = practice_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert isinstance(app.screen, PracticeScreen)
        ids = [row.id for row in app.screen.rows]
        app.screen.query_one(DataTable).move_cursor(row=ids.index("cnn-fashion"))
        await pilot.press("enter")
        screen = await task_screen(app, pilot)
        assert screen.practice_task.id == "cnn-fashion"
        assert screen.editor.text == bank.tasks["cnn-fashion"].read("starter.py")

        # what a graded run prints never comes back (it could carry the hidden tests)
        code = bank.tasks["cnn-fashion"].read("solution.py") + "\nprint('PRINTED-WHILE-GRADED')\n"
        outcome = await submit(pilot, screen, code)
        assert isinstance(outcome, Graded) and outcome.counted
        assert outcome.result.passed is True
        text = report_text(screen)
        checks = outcome.result.checks
        assert len(checks) >= 5
        for check in checks:
            assert f"✓ {check.title_in('ko')}" in text
        assert "✗" not in text
        assert "10/10" in text and "10/10" in status_text(screen)
        assert "PRINTED-WHILE-GRADED" not in text and outcome.result.output == ""

        assert app.store is not None
        history = app.store.practice.history("cnn-fashion")
        assert len(history) == 1
        assert history[0].passed and history[0].score == 10
        assert history[0].result == outcome.result
        assert history[0].code == code
        [entry] = app.store.reviews.entries("cnn-fashion")
        assert (entry.rating, entry.correct, entry.kind) == (int(Rating.Good), True, "task")

        await pilot.press("escape")  # back to the list: the task now shows as passed
        await until(pilot, lambda: isinstance(app.screen, PracticeScreen))
        row = next(r for r in app.screen.rows if r.id == "cnn-fashion")
        assert (row.status, row.best_score, row.attempts) == ("passed", 10, 1)


async def test_a_failing_submission_shows_the_graders_message_and_rates_again(
    practice_app: Callable[..., QuizApp],
) -> None:
    app = practice_app("tensor-argmax")
    async with app.run_test(size=SIZE) as pilot:
        screen = await task_screen(app, pilot)
        outcome = await submit(pilot, screen, WRONG_ARGMAX)
        assert isinstance(outcome, Graded)
        failed = [c for c in outcome.result.checks if not c.passed]
        assert failed and not outcome.result.passed
        text = report_text(screen)
        for check in failed:
            assert f"✗ {check.title_in('ko')}" in text
            assert check.message_in("ko") and check.message_in("ko") in text
        assert app.store is not None
        [entry] = app.store.reviews.entries("tensor-argmax")
        assert (entry.rating, entry.correct) == (int(Rating.Again), False)

        outcome = await submit(pilot, screen, "def predict_classes(logits:\n")
        assert isinstance(outcome, Graded)
        error = outcome.result.error_in("en")
        assert error and "syntax" in error
        assert (outcome.result.error_in("ko") or "") in report_text(screen)
        assert len(app.store.practice.history("tensor-argmax")) == 2


async def test_escape_cancels_a_running_grade_and_leaves_no_process(
    practice_app: Callable[..., QuizApp], shared_grader: Grader
) -> None:
    app = practice_app("tensor-argmax")
    async with app.run_test(size=SIZE) as pilot:
        screen = await task_screen(app, pilot)
        screen.editor.load_text(FOREVER)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: shared_grader.sandbox_processes(), timeout=30)
        assert screen.job == "grade"
        assert "esc" in status_text(screen)
        await pilot.press("escape")
        await until(pilot, lambda: screen.job is None, timeout=10)
        assert isinstance(screen.last, Cancelled)
        assert app.screen is screen  # escape cancelled the grade; it did not leave
        assert status_text(screen) == app.t("task.cancelled.grade")
        await until(pilot, lambda: not shared_grader.sandbox_processes(), timeout=10)
        assert app.store is not None
        assert app.store.practice.history("tensor-argmax") == []
        assert app.store.reviews.entries("tensor-argmax") == []

        await pilot.press("escape")  # nothing runs now: escape leaves
        await until(pilot, lambda: isinstance(app.screen, PracticeScreen))


async def test_run_only_shows_output_and_error_without_recording(
    practice_app: Callable[..., QuizApp],
) -> None:
    app = practice_app("tensor-argmax")
    async with app.run_test(size=SIZE) as pilot:
        screen = await task_screen(app, pilot)
        code = "import sys\nprint('hello', 6 * 7)\nprint('careful', file=sys.stderr)\n1 / 0\n"
        outcome = await submit(pilot, screen, code, key="ctrl+r")
        assert isinstance(outcome, Ran)
        text = report_text(screen)
        assert "hello 42" in text and "careful" in text
        assert "ZeroDivisionError" in text and "line 4" in text
        assert app.store is not None
        assert app.store.practice.history("tensor-argmax") == []


async def test_the_draft_is_autosaved_while_typing_and_restored_on_reopening(
    practice_app: Callable[..., QuizApp], bank: Bank
) -> None:
    app = practice_app("cnn-output-size")
    async with app.run_test(size=SIZE) as pilot:
        screen = await task_screen(app, pilot)
        assert app.store is not None
        screen.editor.move_cursor(screen.editor.document.end)
        await pilot.press(*"# a")
        await until(pilot, lambda: app.store.practice.draft("cnn-output-size") is not None, 3)
        typed = screen.editor.text
        assert app.store.practice.draft("cnn-output-size").code == typed  # type: ignore[union-attr]
        await pilot.press(*"bc")
        final = screen.editor.text
        assert final == bank.tasks["cnn-output-size"].read("starter.py") + "# abc"
        await pilot.press("escape")  # leaving saves at once, without waiting for the timer
        await until(pilot, lambda: isinstance(app.screen, PracticeScreen))
        draft = app.store.practice.draft("cnn-output-size")
        assert draft is not None and draft.code == final
        assert draft.code != bank.tasks["cnn-output-size"].read("starter.py")

        app.screen.open_task("cnn-output-size")  # type: ignore[attr-defined]
        reopened = await task_screen(app, pilot)
        assert reopened is not screen
        assert reopened.editor.text == draft.code


async def test_the_reference_solution_opens_only_after_a_submission(
    practice_app: Callable[..., QuizApp], bank: Bank
) -> None:
    app = practice_app("cnn-output-size")
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        screen = await task_screen(app, pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.screen is screen
        assert app.t("task.solution_locked") in notes.messages

        await submit(pilot, screen, bank.tasks["cnn-output-size"].read("starter.py"))
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, SolutionScreen))
        shown = app.screen.query_one("#solution-code", TextArea)
        assert shown.text == bank.tasks["cnn-output-size"].read("solution.py")
        assert shown.read_only
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)


async def test_the_history_lists_submissions_and_gives_old_code_back(
    practice_app: Callable[..., QuizApp], bank: Bank
) -> None:
    app = practice_app("tensor-argmax")
    async with app.run_test(size=SIZE) as pilot:
        screen = await task_screen(app, pilot)
        await submit(pilot, screen, WRONG_ARGMAX)
        good = bank.tasks["tensor-argmax"].read("solution.py")
        await submit(pilot, screen, good)
        screen.editor.load_text("# something else\n")

        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        history = app.screen
        assert isinstance(history, HistoryScreen)
        table = history.query_one(DataTable)
        assert table.row_count == 2
        assert history.query_one("#history-code", TextArea).text == good  # newest first
        assert "✗" not in history.query_one("#history-report", CheckReport).text
        await pilot.press("down")
        await pilot.pause()
        assert history.query_one("#history-code", TextArea).text == WRONG_ARGMAX
        assert "✗" in history.query_one("#history-report", CheckReport).text
        await pilot.press("u")  # take the older code back into the editor
        await until(pilot, lambda: app.screen is screen)
        assert screen.editor.text == WRONG_ARGMAX
        assert app.store is not None
        assert app.store.practice.draft("tensor-argmax").code == WRONG_ARGMAX  # type: ignore[union-attr]


async def test_the_external_editor_without_a_terminal_explains_itself(
    practice_app: Callable[..., QuizApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "true")
    app = practice_app("cnn-output-size")
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        screen = await task_screen(app, pilot)
        before = screen.editor.text
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.t("task.no_suspend") in notes.messages
        assert screen.editor.text == before


def child_processes() -> set[int]:
    found: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        with contextlib.suppress(OSError):
            found |= {int(p) for p in (task / "children").read_text().split()}
    return found


async def test_the_app_warms_its_own_grader_after_loading_and_closes_it_on_exit(
    app_factory: Callable[..., QuizApp], bank: Bank
) -> None:
    before = child_processes()
    app = app_factory(warm_grader=True)
    assert app._grader is None  # nothing is started before the first frame
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await until(pilot, lambda: child_processes() - before, timeout=30)
        grader = app.grader
        assert grader.size >= 1
    with pytest.raises(RuntimeError, match="closed"):
        grader.submit(bank.tasks["tensor-argmax"], "")
    assert not child_processes() - before


async def test_a_grader_failure_is_not_counted_and_f5_grades_again(
    practice_app: Callable[..., QuizApp], shared_grader: Grader, bank: Bank
) -> None:
    """The grader's own failure: said so in Korean, nothing recorded (no failed attempt, no
    Again, no mistake), and f5 grades the same code again."""
    failing = FailingGrader()
    app = practice_app("tensor-argmax", grader=failing)
    async with app.run_test(size=SIZE) as pilot:
        screen = await task_screen(app, pilot)
        assert not screen.check_action("regrade", ())
        solution = bank.tasks["tensor-argmax"].read("solution.py")
        outcome = await submit(pilot, screen, solution)
        assert isinstance(outcome, Graded) and outcome.result.internal and not outcome.counted
        status = status_text(screen)
        assert (
            status.startswith("채점기가 실패했습니다")
            and "채점 작업자를 시작하지 못했습니다" in status
        )
        assert "f5" in status and app.t("report.grader_failed") in report_text(screen)
        assert app.store is not None and app.service is not None
        assert app.store.practice.history("tensor-argmax") == []
        assert app.store.reviews.entries("tensor-argmax") == []
        assert app.service.mistakes() == []
        assert screen.check_action("regrade", ())

        app._grader = shared_grader  # the grader works again
        await pilot.press("f5")
        await until(pilot, lambda: screen.last is not outcome and screen.job is None)
        again = screen.last
        assert isinstance(again, Graded) and again.counted and again.result.passed
        assert failing.submitted == ["tensor-argmax"]
        [recorded] = app.store.practice.history("tensor-argmax")
        assert recorded.code == solution
        assert not screen.check_action("regrade", ())

"""Sitting a mock exam through the real app (Pilot), a fake clock and the real grader: answer,
flag, jump, write a task in the editor, auto-submit at zero, results and review; submitting
early names the unanswered questions; a resumed attempt shows the true time and its answers;
an attempt whose time ran out while the app was closed is submitted at the next start."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import DataTable, Input, Markdown, OptionList, Static

from grader import Grader
from question_bank import MultipleChoice, Numeric, SingleChoice, TrueFalse
from quizapp.settings import Settings, resolve
from quizapp.study import progress_stats
from quizapp.tui.app import QuizApp, Start
from quizapp.tui.screens.confirm import ConfirmScreen
from quizapp.tui.screens.exam_results import ExamResultsScreen
from quizapp.tui.screens.exam_sit import ExamSitScreen
from quizapp.tui.screens.exam_submit import ExamSubmitScreen
from quizapp.tui.screens.exams import ExamsScreen
from quizapp.tui.screens.task import TaskScreen
from quizapp.tui.widgets.answer import ChoiceList, MultiChoiceList, TypedAnswer
from quizapp.tui.widgets.check_report import CheckReport
from quizapp.tui.widgets.countdown import Countdown
from tests.verdicts import FailingGrader

from .conftest import FakeClock, until, wait_ready

SIZE = (130, 40)
SHORT = """\
id: short
title: 짧은 모의고사
minutes: 10
pass_percent: 50
sections:
  - title: 필기
    kind: written
    count: 4
    types: [single_choice, true_false, multiple_choice, numeric]
    points_each: 2
  - title: 실기
    kind: practical
    tasks: [tensor-argmax]
    points_each: 10
"""
# shape checks pass, values and dtype fail: a partial score
PARTIAL_ARGMAX = "def predict_classes(logits):\n    return logits.max(dim=1).values\n"


@pytest.fixture
def exam_settings(tmp_path: Path) -> Settings:
    bank = tmp_path / "exam-bank"
    (bank / "exams").mkdir(parents=True)
    (bank / "exams" / "short.yaml").write_text(SHORT, encoding="utf-8")
    return resolve(data_dir=str(tmp_path / "data"), banks=[str(bank)], lang="ko", profile="kim")


@pytest.fixture
def exam_app(
    app_factory: Callable[..., QuizApp], exam_settings: Settings, shared_grader: Grader
) -> Callable[..., QuizApp]:
    def build(**options: Any) -> QuizApp:
        options.setdefault("start", Start("exam", exam_id="short"))
        options.setdefault("grader", shared_grader)
        return app_factory(settings=exam_settings, **options)

    return build


async def sitting(app: QuizApp, pilot: Any) -> ExamSitScreen:
    await wait_ready(app, pilot)
    await until(pilot, lambda: isinstance(app.screen, ExamSitScreen))
    screen = app.screen
    assert isinstance(screen, ExamSitScreen)
    await until(pilot, lambda: not screen.switching)
    return screen


async def settle(pilot: Any, screen: ExamSitScreen) -> None:
    await pilot.pause()
    await until(pilot, lambda: not screen.switching)


async def go(pilot: Any, screen: ExamSitScreen, key: str) -> None:
    """A navigation key; typing in an answer box first needs esc (letters are text there)."""
    if isinstance(screen.focused, Input):
        await pilot.press("escape")
    await pilot.press(key)
    await settle(pilot, screen)


def item_of(app: QuizApp, screen: ExamSitScreen) -> Any:
    assert app.bank is not None
    return app.bank.items[screen.question.item_id]


async def answer_right(pilot: Any, app: QuizApp, screen: ExamSitScreen) -> Any:
    """Answer the current written question correctly from the keyboard; return the response
    the store should now hold."""
    item = item_of(app, screen)
    widget = screen.widget
    if isinstance(item, SingleChoice):
        assert isinstance(widget, ChoiceList)
        await pilot.press(str(widget.values.index(item.answer) + 1))
        return item.answer
    if isinstance(item, TrueFalse):
        await pilot.press("o" if item.answer else "x")
        return item.answer
    if isinstance(item, MultipleChoice):
        assert isinstance(widget, MultiChoiceList)
        for choice in item.answers:
            await pilot.press(str(widget.choices.index(choice) + 1))
        await pilot.press("enter")
        return sorted(item.answers)
    assert isinstance(item, Numeric)
    assert isinstance(widget, TypedAnswer)
    text = f"{item.answer:g}"
    await pilot.press(*text, "enter")
    return text


async def answer_wrong(pilot: Any, app: QuizApp, screen: ExamSitScreen) -> None:
    item = item_of(app, screen)
    widget = screen.widget
    if isinstance(item, SingleChoice):
        assert isinstance(widget, ChoiceList)
        wrong = next(c for c in widget.values if c != item.answer)
        await pilot.press(str(widget.values.index(wrong) + 1))
    elif isinstance(item, TrueFalse):
        await pilot.press("x" if item.answer else "o")
    elif isinstance(item, MultipleChoice):
        assert isinstance(widget, MultiChoiceList)
        await pilot.press(str(widget.choices.index(item.answers[0]) + 1), "enter")
        if set(item.answers) == {item.answers[0]}:  # one right answer: add a wrong one
            other = next(c for c in widget.choices if c not in item.answers)
            await pilot.press(str(widget.choices.index(other) + 1), "enter")
    else:
        await pilot.press(*f"{item.answer + item.tolerance + 7:g}", "enter")


def stored(app: QuizApp, screen: ExamSitScreen) -> Any:
    assert app.exam_runner is not None
    return app.exam_runner.reload(screen.attempt)


def listing(screen: ExamSitScreen) -> list[str]:
    options = screen.query_one("#exam-questions", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def countdown(screen: Any) -> str:
    return str(screen.query_one(Countdown).render())


async def test_a_whole_short_exam_answer_flag_jump_code_auto_submit_results_and_review(
    exam_app: Callable[..., QuizApp], clock: FakeClock
) -> None:
    app = exam_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await sitting(app, pilot)
        attempt = screen.attempt
        assert [q.kind for q in attempt.questions] == ["written"] * 4 + ["task"]
        assert countdown(screen) == "남은 시간 10:00"
        assert listing(screen) == [" 1 ○", " 2 ○", " 3 ○", " 4 ○", " 5 ○"]
        position = str(screen.query_one("#exam-position", Static).render())
        assert position.startswith("문항 1/5 · 필기 · 2점")

        # 1: right; nothing tells whether it was right (no feedback until the results)
        expected = await answer_right(pilot, app, screen)
        await pilot.pause()
        first = stored(app, screen).questions[0]
        assert first.answer is not None and first.correct is True and first.score == 2
        saved = str(screen.query_one("#exam-saved", Static).render())
        assert saved.startswith("저장된 답: ") and "정답" not in saved and "✓" not in saved
        assert listing(screen)[0] == " 1 ●"
        del expected

        # 2: wrong, then flagged for review
        await go(pilot, screen, "n")
        assert screen.index == 1
        await answer_wrong(pilot, app, screen)
        await go(pilot, screen, "f")
        second = stored(app, screen).questions[1]
        assert second.flagged and second.correct is False and second.score == 0
        assert listing(screen)[1] == " 2 ● ⚑"

        # jump to 5 (the task) through the question list; 3 and 4 stay unanswered
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(screen.focused, OptionList)
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot, screen)
        assert screen.index == 4
        await go(pilot, screen, "p")  # and back once: 4
        assert screen.index == 3
        await go(pilot, screen, "right")
        assert screen.index == 4

        # the task opens in the practice editor, in exam mode: code saved, nothing graded
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TaskScreen))
        editor_screen = app.screen
        assert isinstance(editor_screen, TaskScreen) and editor_screen.exam is not None
        assert editor_screen.practice_task.id == "tensor-argmax"
        assert app.bank is not None
        starter = app.bank.tasks["tensor-argmax"].read("starter.py")
        assert editor_screen.editor.text == starter
        assert countdown(editor_screen) == "남은 시간 10:00"
        labels = {b.binding.description for b in editor_screen.active_bindings.values()}
        assert "저장" in labels and not {"제출", "제출 기록", "모범 답안"} & labels
        editor_screen.editor.load_text(PARTIAL_ARGMAX)
        await pilot.press("ctrl+s")  # saves; never grades
        await pilot.pause()
        assert stored(app, screen).questions[4].answer == PARTIAL_ARGMAX
        assert editor_screen.handle is None and editor_screen.last is None
        assert app.store is not None and app.store.practice.history("tensor-argmax") == []
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        await settle(pilot, screen)
        assert "저장된 코드: 2줄" in str(screen.query_one("#exam-saved", Static).render())
        assert listing(screen)[4] == " 5 ●"

        # resuming the editor shows the saved code; at zero the exam submits by itself
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TaskScreen))
        assert app.screen.editor.text == PARTIAL_ARGMAX  # type: ignore[attr-defined]
        clock.advance(minutes=4)
        await until(pilot, lambda: countdown(app.screen) == "남은 시간 06:00", timeout=3)
        clock.advance(minutes=6, seconds=1)
        await until(pilot, lambda: isinstance(app.screen, ExamResultsScreen), timeout=5)
        results_screen = app.screen
        assert isinstance(results_screen, ExamResultsScreen)
        await until(pilot, lambda: results_screen.results is not None, timeout=60)
        results = results_screen.results
        assert results is not None

        # results: 2 (one right) + task partial, scaled to 10 points
        closed = results.attempt
        assert closed.finished_at == closed.started_at + timedelta(minutes=10)
        task_points = closed.questions[4].score
        assert task_points is not None and 0 < task_points < 10
        assert results.score == pytest.approx(2 + task_points)
        assert [(s.title, s.max_score) for s in results.sections] == [("필기", 8), ("실기", 10)]
        assert closed.passed is (results.score >= 9)
        head = str(results_screen.query_one("#results-head", Static).render())
        verdict = "✓ 합격" if closed.passed else "✗ 불합격"
        assert head.startswith(f"{verdict} · {round(results.score, 2):g}/18점")
        # the list's first row is the summary, shown in the right-hand panel
        summary = str(results_screen.query_one("#review-head", Markdown).source)
        assert "걸린 시간 10:00 / 10:00" in summary
        assert "| 필기 | 2/8 | 25% |" in summary
        assert "범위별 점수" in summary  # the bundled items and tasks carry pages
        table = results_screen.query_one("#results-questions", DataTable)
        marks = [str(table.get_row(str(i))[2]) for i in range(5)]
        assert marks == ["✓", "✗", "—", "—", "◐"]
        assert str(table.get_row("summary")[3]) == f"{round(results.score, 2):g}/18"

        # review: the wrong one with the right answer and the explanation
        table.move_cursor(row=2)
        await pilot.pause()
        detail = str(results_screen.query_one("#review-head", Markdown).source)
        item = app.bank.items[closed.questions[1].item_id]
        assert detail.startswith("### 2. 문항")
        assert "**내 답:** ✗" in detail and "0/2점" in detail
        assert ("**정답" in detail) or ("**정답(모두)" in detail)
        if item.explanation:
            assert item.explanation.strip()[:20] in detail
        # the task: its check report and, now, the reference solution
        table.move_cursor(row=5)
        await pilot.pause()
        report = results_screen.query_one("#review-report", CheckReport)
        assert report.display and "✗" in report.text and "✓" in report.text
        tail = str(results_screen.query_one("#review-tail", Markdown).source)
        solution = app.bank.tasks["tensor-argmax"].read("solution.py")
        assert solution.strip().splitlines()[-1] in tail and PARTIAL_ARGMAX.strip() in tail

        # the answers given fed the scheduler and the mistakes list (wrong → Again);
        # 3 and 4, left unanswered, scored zero but are not mistakes
        assert app.service is not None
        mistakes = {c.item_id for c in app.service.mistakes()}
        assert closed.questions[1].item_id in mistakes
        assert closed.questions[0].item_id not in mistakes
        assert not {closed.questions[i].item_id for i in (2, 3)} & mistakes
        assert "tensor-argmax" in mistakes
        [submission] = app.store.practice.history("tensor-argmax")
        assert submission.code == PARTIAL_ARGMAX
        stats = progress_stats(app.service)
        [listed] = stats["exam_attempts"]
        assert listed["blueprint"] == "short" and listed["passed"] is closed.passed

        first_report = report.text

        await pilot.press("escape")  # results → home (the exam was started from the CLI)
        await until(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        # later, from the list: v reviews the last results again, task report included
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ExamsScreen))
        await app.workers.wait_for_complete()
        exams_table = app.screen.query_one("#blueprints", DataTable)
        exams_table.move_cursor(row=exams_table.get_row_index("short"))
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, ExamResultsScreen))
        again = app.screen
        assert isinstance(again, ExamResultsScreen) and again.results is not None
        assert again.results.attempt.id == closed.id and again.results.score == results.score
        again.query_one("#results-questions", DataTable).move_cursor(row=5)
        await pilot.pause()
        assert again.query_one("#review-report", CheckReport).text == first_report


async def test_submitting_early_asks_and_names_the_unanswered_questions(
    exam_app: Callable[..., QuizApp], clock: FakeClock
) -> None:
    app = exam_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await sitting(app, pilot)
        await answer_right(pilot, app, screen)
        await go(pilot, screen, "n")
        await go(pilot, screen, "f")  # 2 flagged, unanswered
        clock.advance(minutes=3)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ExamSubmitScreen))
        text = str(app.screen.query_one("#exam-confirm-text", Static).render())
        assert "남은 시간 07:00" in text
        assert "답하지 않은 문항 4개: 2, 3, 4, 5" in text
        assert "검토 표시한 문항 1개: 2" in text
        await pilot.press("n")  # keep going
        await until(pilot, lambda: app.screen is screen)
        assert app.store is not None and not stored(app, screen).finished
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ExamSubmitScreen))
        await pilot.press("enter")  # enter alone is "keep going": the safe button has focus
        await until(pilot, lambda: app.screen is screen)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ExamSubmitScreen))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, ExamResultsScreen))
        results_screen = app.screen
        assert isinstance(results_screen, ExamResultsScreen)
        await until(pilot, lambda: results_screen.results is not None, timeout=60)
        results = results_screen.results
        assert results is not None
        assert results.time_used == timedelta(minutes=3)
        assert results.score == 2 and results.attempt.passed is False
        table = results_screen.query_one("#results-questions", DataTable)
        table.move_cursor(row=5)  # the task nobody wrote: not sent to the grader
        await pilot.pause()
        report = results_screen.query_one("#review-report", CheckReport)
        assert "이 문제에 작성한 코드가 없습니다" in report.text


async def test_a_resumed_attempt_shows_the_true_time_and_its_saved_answers(
    exam_app: Callable[..., QuizApp], clock: FakeClock
) -> None:
    app = exam_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await sitting(app, pilot)
        first = await answer_right(pilot, app, screen)
        await go(pilot, screen, "n")
        await go(pilot, screen, "f")
        attempt_id = screen.attempt.id
    clock.advance(minutes=7, seconds=30)  # the app was closed for a while
    again = exam_app()
    async with again.run_test(size=SIZE) as pilot:
        screen = await sitting(again, pilot)
        assert screen.attempt.id == attempt_id  # resumed without asking
        assert countdown(screen) == "남은 시간 02:30"
        assert screen.index == 1  # the first unanswered question
        assert listing(screen)[:2] == [" 1 ●", " 2 ○ ⚑"]
        await go(pilot, screen, "p")
        shown = str(screen.query_one("#exam-saved", Static).render())
        assert shown.startswith("저장된 답: ")
        item = item_of(again, screen)
        if isinstance(item, SingleChoice):
            assert isinstance(screen.widget, ChoiceList)
            assert screen.widget.highlighted == screen.widget.values.index(first)
        elif isinstance(item, MultipleChoice):
            assert isinstance(screen.widget, MultiChoiceList)
            assert sorted(screen.widget.selected) == first
        elif isinstance(item, Numeric):
            assert isinstance(screen.widget, TypedAnswer) and screen.widget.value == first


async def test_an_attempt_that_ran_out_while_closed_is_submitted_at_the_next_start(
    exam_app: Callable[..., QuizApp], clock: FakeClock
) -> None:
    app = exam_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await sitting(app, pilot)
        await answer_right(pilot, app, screen)
        await pilot.pause()
        attempt_id = screen.attempt.id
    clock.advance(hours=2)
    again = exam_app(start=Start())  # a plain `quizapp`: home, then the results on top
    async with again.run_test(size=SIZE) as pilot:
        await wait_ready(again, pilot)
        await until(pilot, lambda: isinstance(again.screen, ExamResultsScreen), timeout=60)
        results_screen = again.screen
        assert isinstance(results_screen, ExamResultsScreen)
        results = results_screen.results
        assert results is not None and results.attempt.id == attempt_id
        assert results.score == 2 and results.time_used == timedelta(minutes=10)
        assert results.attempt.finished_at == results.attempt.started_at + timedelta(minutes=10)
        await pilot.press("escape")
        await until(pilot, lambda: type(again.screen).__name__ == "HomeScreen")
        # and the next `e` → s starts a fresh attempt
        await pilot.press("e")
        await until(pilot, lambda: isinstance(again.screen, ExamsScreen))
        await again.workers.wait_for_complete()
        table = again.screen.query_one("#blueprints", DataTable)
        table.move_cursor(row=table.get_row_index("short"))
        await pilot.press("s")  # a new timed attempt asks first: title, minutes, sections
        await until(pilot, lambda: isinstance(again.screen, ConfirmScreen))
        text = str(again.screen.query_one("#confirm-text", Static).render())
        assert "10분" in text and "필기" in text
        await pilot.press("y")
        screen = await sitting(again, pilot)
        assert screen.attempt.id != attempt_id
        assert countdown(screen) == "남은 시간 10:00"


async def test_quizapp_exam_after_an_expired_attempt_shows_its_results_over_the_list(
    exam_app: Callable[..., QuizApp], clock: FakeClock
) -> None:
    app = exam_app()
    async with app.run_test(size=SIZE) as pilot:
        await sitting(app, pilot)
    clock.advance(minutes=11)
    again = exam_app()
    async with again.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(again.screen, ExamResultsScreen), timeout=60)
        assert isinstance(again.screen_stack[-2], ExamsScreen)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(again.screen, ExamsScreen))
        await again.workers.wait_for_complete()
        await pilot.pause()
        row = [str(c) for c in again.screen.query_one(DataTable).get_row("short")]
        assert row[-1] == "1회 · 최고 0% · 최근 0% 불합격"


async def test_the_blueprint_screen_starts_and_another_running_exam_is_not_doubled(
    exam_app: Callable[..., QuizApp], clock: FakeClock
) -> None:
    app = exam_app(start=Start("exam"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await until(pilot, lambda: isinstance(app.screen, ExamsScreen))
        await app.workers.wait_for_complete()
        table = app.screen.query_one("#blueprints", DataTable)
        table.move_cursor(row=table.get_row_index("short"))
        await pilot.press("enter")  # the blueprint, whole
        await pilot.pause()
        body = str(app.screen.query_one("#blueprint-body", Markdown).source)
        assert "enter 또는 s: 시작 — 10분 타이머는 앱을 닫아도 멈추지 않습니다." in body
        await pilot.press("enter")  # starts it
        screen = await sitting(app, pilot)
        assert app.screen_stack[-2].__class__ is ExamsScreen  # took the blueprint's place
        clock.advance(minutes=1)
        screen.set_focus(screen.query_one("#exam-card"))  # not typing (esc would stop that)
        await pilot.pause()
        await pilot.press("escape")  # leaving asks first: the clock keeps running
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        text = str(app.screen.query_one("#confirm-text", Static).render())
        assert "남은 시간 09:00" in text and "시계는 계속 흐릅니다" in text
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        # a second blueprint cannot start while this one runs
        app.open_exam("written-drill")
        await pilot.pause()
        assert app.screen is screen
        assert app.store is not None
        assert [a.blueprint for a in app.store.exams.attempts()] == ["short"]


async def test_an_exam_left_through_the_command_palette_is_still_submitted_at_zero(
    exam_app: Callable[..., QuizApp], clock: FakeClock
) -> None:
    app = exam_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await sitting(app, pilot)
        await answer_right(pilot, app, screen)
        await pilot.pause()
        app.pop_to_home()  # what the palette's "home" does: it asks first
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await until(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        banner = app.screen.query_one("#exam-running", Static)
        await until(pilot, lambda: banner.display)
        assert "모의고사 진행 중" in str(banner.render()) and "남은 시간 10:00" in str(
            banner.render()
        )
        clock.advance(minutes=10)
        await until(pilot, lambda: isinstance(app.screen, ExamResultsScreen), timeout=5)
        results_screen = app.screen
        assert isinstance(results_screen, ExamResultsScreen)
        await until(pilot, lambda: results_screen.results is not None, timeout=60)
        assert results_screen.results is not None
        assert results_screen.results.score == 2 and results_screen.results.attempt.finished


async def test_an_expired_attempt_that_cannot_be_graded_stays_open_and_says_why(
    exam_app: Callable[..., QuizApp],
    app_factory: Callable[..., QuizApp],
    exam_settings: Settings,
    clock: FakeClock,
) -> None:
    app = exam_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await sitting(app, pilot)
        assert app.exam_runner is not None
        app.exam_runner.answer(screen.attempt, 4, PARTIAL_ARGMAX)
        attempt_id = screen.attempt.id
    clock.advance(minutes=11)
    broken = Grader(workers=1)
    broken.close()  # e.g. the grader cannot start on this machine
    notes: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            notes.append(message.notification.message)

    again = app_factory(settings=exam_settings, grader=broken, start=Start())
    async with again.run_test(size=SIZE, message_hook=hook) as pilot:
        await wait_ready(again, pilot)
        await until(pilot, lambda: not again.exams_settling)
        assert any(n.startswith("시간이 끝난 모의고사를 채점하지 못했습니다: ") for n in notes)
        assert again.store is not None
        kept = again.store.exams.get(attempt_id)
        assert kept is not None and not kept.finished  # nothing invented: graded next time
        assert kept.questions[4].answer == PARTIAL_ARGMAX


async def test_an_attempt_left_while_grading_is_graded_and_closed_at_the_next_start(
    exam_app: Callable[..., QuizApp], clock: FakeClock
) -> None:
    """Handed in, then the app killed before grading ended: the store holds the attempt
    submitted and unfinished (what the app leaves). Its time is not up, yet the next start
    grades and closes it instead of reopening it."""
    app = exam_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await sitting(app, pilot)
        await answer_right(pilot, app, screen)
        await pilot.pause()
        assert app.store is not None
        attempt_id = screen.attempt.id
        clock.advance(minutes=2)
        app.store.exams.submit(attempt_id)  # the first thing the results screen does
    clock.advance(minutes=1)
    again = exam_app(start=Start())
    async with again.run_test(size=SIZE) as pilot:
        await wait_ready(again, pilot)
        await until(pilot, lambda: isinstance(again.screen, ExamResultsScreen), timeout=60)
        results = again.screen.results  # type: ignore[attr-defined]
        assert results is not None and results.attempt.id == attempt_id
        assert results.attempt.finished and results.score == 2
        assert results.time_used == timedelta(minutes=2)  # until it was handed in
        assert again.store is not None
        assert again.store.exams.get(attempt_id).finished  # type: ignore[union-attr]


async def test_a_grader_failure_in_an_exam_leaves_the_task_ungraded_and_r_grades_again(
    exam_app: Callable[..., QuizApp], shared_grader: Grader
) -> None:
    failing = FailingGrader()
    app = exam_app(grader=failing)
    async with app.run_test(size=SIZE) as pilot:
        screen = await sitting(app, pilot)
        assert app.exam_runner is not None and app.store is not None
        app.exam_runner.answer(screen.attempt, 4, PARTIAL_ARGMAX)
        attempt_id = screen.attempt.id
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ExamSubmitScreen))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, ExamResultsScreen))
        results_screen = app.screen
        assert isinstance(results_screen, ExamResultsScreen)
        await until(pilot, lambda: results_screen.failure is not None, timeout=10)
        head = str(results_screen.query_one("#results-head", Static).render())
        assert head.startswith("채점기가 실패했습니다")
        assert "5번 문항: 채점 작업자를 시작하지 못했습니다" in head and "r: 다시 채점" in head
        kept = app.store.exams.get(attempt_id)
        assert kept is not None and kept.submitted and not kept.finished
        assert kept.questions[4].score is None  # not zero: not graded yet
        assert app.store.practice.history("tensor-argmax") == []
        assert results_screen.check_action("retry", ())

        app._grader = shared_grader  # the grader works again: r grades the attempt
        await pilot.press("r")
        await until(pilot, lambda: results_screen.results is not None, timeout=60)
        assert results_screen.results is not None and results_screen.results.attempt.finished
        task_points = results_screen.results.attempt.questions[4].score
        assert task_points is not None and 0 < task_points < 10
        assert failing.submitted == ["tensor-argmax"]


def test_an_unknown_exam_id_is_a_one_line_usage_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quizapp", "--data-dir", str(tmp_path), "exam", "no-such-exam"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert lines[0].startswith("quizapp: error: unknown exam 'no-such-exam' (known: ")
    assert "ai-essential-mock" in lines[0]


@pytest.mark.parametrize("key", ["ctrl+q", "ctrl+c"])
async def test_quitting_mid_exam_asks_and_home_shows_the_attempt_after_a_restart(
    exam_app: Callable[..., QuizApp], clock: FakeClock, key: str
) -> None:
    app = exam_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await sitting(app, pilot)
        screen.set_focus(screen.query_one("#exam-card"))  # not typing: ctrl+c is not "copy"
        await pilot.pause()
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        text = str(app.screen.query_one("#confirm-text", Static).render())
        assert "앱을 닫아도 시계는 계속 흐릅니다" in text and "남은 시간 10:00" in text
        await pilot.press("n")  # keep going
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await until(pilot, lambda: not app.is_running)
    clock.advance(minutes=3)
    again = exam_app(start=Start())  # a plain `quizapp` after the restart
    async with again.run_test(size=SIZE) as pilot:
        await wait_ready(again, pilot)
        banner = again.screen.query_one("#exam-running", Static)
        await until(pilot, lambda: banner.display)
        assert "모의고사 진행 중" in str(banner.render())
        assert "남은 시간 07:00" in str(banner.render())
        await pilot.press("ctrl+q")  # nothing is being sat here: quits at once
        await until(pilot, lambda: not again.is_running)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_footer_keeps_submit_exam_on_a_multiple_choice_question(
    app_factory: Callable[..., QuizApp], tmp_path: Path, size: tuple[int, int]
) -> None:
    """A multiple-choice list answers with enter; its key must not take ctrl+s's place in
    the footer (Textual shows one key per action name)."""
    from .conftest import screen_text

    bank = tmp_path / "mc-bank"
    (bank / "exams").mkdir(parents=True)
    (bank / "exams" / "mc.yaml").write_text(
        SHORT.replace("id: short", "id: mc")
        .replace("count: 4", "count: 2")
        .replace("[single_choice, true_false, multiple_choice, numeric]", "[multiple_choice]"),
        encoding="utf-8",
    )
    settings = resolve(data_dir=str(tmp_path / "data"), banks=[str(bank)], lang="ko")
    app = app_factory(settings=settings, start=Start("exam", exam_id="mc"))
    async with app.run_test(size=size) as pilot:
        screen = await sitting(app, pilot)
        assert isinstance(screen.widget, MultiChoiceList)
        await until(pilot, lambda: "^s 시험 제출" in screen_text(app).splitlines()[-1], timeout=5)

"""A student's evening, screen by screen, at 80×24 and 120×36 in Korean and English.

Each main screen is captured as the terminal shows it (Pilot, composited text) and
checked: the keys and numbers that must fit do fit, no raw markup (``{{c1::``,
``**``, backticks, JSON lists, item ids) reaches a list or an answer echo, and in
Korean no English word shows outside an allow-list (key names, code and PyTorch
names, and whatever the bank's own content says).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import DataTable, Input

from question_bank import Bank
from quizapp.settings import resolve
from quizapp.study import CardFilter
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.confirm import ConfirmScreen
from quizapp.tui.screens.exam_results import ExamResultsScreen
from quizapp.tui.screens.exam_sit import ExamSitScreen
from quizapp.tui.screens.exam_submit import ExamSubmitScreen
from quizapp.tui.screens.exams import ExamsScreen
from quizapp.tui.screens.study import StudyScreen

from .conftest import screen_text, until, wait_ready

PILOT_BANK = Path(__file__).parent / "data" / "bank"
SIZES = [(80, 24), (120, 36)]

# Words a Korean screen may show in Latin letters: key names, the app's name, code (a CLI
# command, $EDITOR), and abbreviations used in the course itself.
ALLOWED = {
    *("esc", "enter", "space", "tab", "pgdn", "pgup", "ctrl", "shift", "del"),
    *("ai", "essential", "quizapp", "editor", "yyyy", "mm", "dd", "profile", "exam", "date"),
    *("cpu", "svg", "stdout", "stderr", "id", "dnn", "cnn", "rnn", "lstm", "rag", "student"),
    *("concat", "zzqqx"),  # what this walk types (a wrong answer, a palette search)
    "en",  # the list's hint ("enter: …") cut by the dialog drawn over it
}
ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z]+")
SHOWN_WORD = re.compile(r"\b[A-Za-z]{2,}\b(?!…)")  # a word cut with "…" is a clipped title
RAW_MARKUP = ("{{c", "**", "`", '["', "pilot-")
SYSTEM_ENGLISH = ("Search for commands", "No matches found", "Keys", "Maximize", "Screenshot")


def bank_words(bank: Bank) -> set[str]:
    """Every Latin word of the bank's content: shown as written, not interface text."""
    words: set[str] = set()
    for entry in [*bank.items.values(), *bank.tasks.values(), *bank.exams.values()]:
        words.update(w.lower() for w in ENGLISH_WORD.findall(entry.model_dump_json()))
    for syllabus in bank.syllabus:
        words.update(w.lower() for w in ENGLISH_WORD.findall(syllabus.title))
    return words


def english_words(text: str, bank: Bank) -> list[str]:
    allowed = ALLOWED | bank_words(bank)
    return sorted({w for w in SHOWN_WORD.findall(text) if w.lower() not in allowed})


def footer(text: str) -> str:
    return text.rstrip("\n").splitlines()[-1]


class Walk:
    def __init__(self, app: QuizApp, pilot: Any, lang: str) -> None:
        self.app, self.pilot, self.lang = app, pilot, lang
        self.shots: dict[str, str] = {}

    async def shot(self, name: str) -> str:
        await self.pilot.pause()
        text = screen_text(self.app)
        self.shots[name] = text
        for table in self.app.screen.query(DataTable):
            box = table.parent
            if table.display and isinstance(box, Widget):  # no last row hidden below its box
                assert table.region.bottom <= box.region.bottom, f"{name}: #{table.id} overflows"
            if table.display:  # every column in view: no sideways scrolling to find one
                wide = table.virtual_size.width - table.scrollable_content_region.width
                assert wide <= 0, f"{name}: #{table.id} is {wide} columns too wide"
        return text

    async def home(self) -> None:
        self.app._pop_to_home()
        await until(self.pilot, lambda: type(self.app.screen).__name__ == "HomeScreen")


async def answer_wrong(walk: Walk) -> None:
    """Answer the current pilot card (cloze or O/X) wrong from the keyboard."""
    app, pilot = walk.app, walk.pilot
    screen = app.screen
    assert isinstance(screen, StudyScreen) and screen.card is not None
    if screen.card.ref.type == "cloze":
        blanks = list(screen.query(Input))
        for blank, text in zip(blanks, ["stack", "concat"], strict=True):
            blank.focus()
            blank.value = text
            await pilot.press("enter")
    else:
        await pilot.press("x")
    await until(pilot, lambda: screen.state == "feedback")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_every_main_screen_fits_and_speaks_the_language(
    app_factory: Callable[..., QuizApp], tmp_path: Path, lang: str, size: tuple[int, int]
) -> None:
    settings = resolve(
        data_dir=str(tmp_path / "data"), banks=[str(PILOT_BANK)], lang=lang, profile="student"
    )
    app = app_factory(settings=settings)
    async with app.run_test(size=size) as pilot:
        await wait_ready(app, pilot)
        walk = Walk(app, pilot, lang)
        home = await walk.shot("home")
        assert "%" in home  # mastery stays visible beside the coverage bars

        # a quiz of two pilot items, both answered wrong: the answer echo is words
        app.open_quiz(CardFilter(topic="파일럿", types=frozenset({"cloze", "true_false"})), 2)
        await until(pilot, lambda: isinstance(app.screen, StudyScreen))
        study = app.screen
        assert isinstance(study, StudyScreen)
        await until(pilot, lambda: study.state == "question")
        for _ in range(2):
            await answer_wrong(walk)
            feedback = await walk.shot(f"feedback-{study.session.answered}")
            assert "false" not in feedback and '["' not in feedback
            if lang == "ko":
                assert re.search(r"다음 복습: \d+(분|시간|일) 후", feedback), feedback
            await pilot.press("enter")
            await pilot.pause()
        await until(pilot, lambda: study.state == "done")
        summary = await walk.shot("quiz-summary")
        for raw in RAW_MARKUP:
            assert raw not in summary, f"{raw!r} in the quiz summary:\n{summary}"

        await walk.home()
        await pilot.press("m")
        await until(pilot, lambda: type(app.screen).__name__ == "MistakesScreen")
        mistakes = await walk.shot("mistakes")
        assert "[...]" in mistakes  # the cloze, masked: the answer is not given away
        for raw in (*RAW_MARKUP, "concat", "stack"):
            assert raw not in mistakes, f"{raw!r} in the 오답노트:\n{mistakes}"

        await walk.home()
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, StudyScreen))
        await walk.shot("review")

        await walk.home()
        await pilot.press("p")
        await until(pilot, lambda: type(app.screen).__name__ == "PracticeScreen")
        await app.workers.wait_for_complete()
        await walk.shot("practice")

        await walk.home()
        await pilot.press("s")
        await until(pilot, lambda: type(app.screen).__name__ == "StatsScreen")
        await app.workers.wait_for_complete()
        stats = await walk.shot("stats")
        tasks = len(app.bank.tasks)  # type: ignore[union-attr]
        summary = f"실기 과제 {tasks}개: 통과 0" if lang == "ko" else f"{tasks} practical tasks"
        assert summary in stats  # the practical tasks have their line on stats

        await walk.home()
        await pilot.press("question_mark")
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        await walk.shot("help")
        await pilot.press("escape")

        await walk.home()
        await pilot.press("ctrl+p")
        await until(pilot, lambda: type(app.screen).__name__ == "Palette")
        palette = await walk.shot("palette")
        await pilot.press(*"zzqqx")
        await pilot.pause(0.8)  # Textual says "no matches" after half a second
        no_match = await walk.shot("palette-no-match")
        if lang == "ko":
            for english in SYSTEM_ENGLISH:
                assert english not in palette + no_match, english
            assert "일치하는 명령이 없습니다" in no_match
        await pilot.press("escape")

        # the exam: s asks first; ctrl+s is in the footer at 80 columns too
        await walk.home()
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ExamsScreen))
        await app.workers.wait_for_complete()
        table = app.screen.query_one("#blueprints", DataTable)
        table.move_cursor(row=table.get_row_index("written-drill"))
        await walk.shot("exams")
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await walk.shot("exam-confirm")
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, ExamSitScreen))
        sitting = app.screen
        assert isinstance(sitting, ExamSitScreen)
        await until(pilot, lambda: not sitting.switching)
        exam = await walk.shot("exam")
        assert ("^s 시험 제출" if lang == "ko" else "^s Submit exam") in footer(exam), footer(exam)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ExamSubmitScreen))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, ExamResultsScreen))
        results_screen = app.screen
        assert isinstance(results_screen, ExamResultsScreen)
        await until(pilot, lambda: results_screen.results is not None, timeout=60)
        results = await walk.shot("exam-results")
        assert "0/12" in results  # the score, whole, never cut to one digit

        dump = os.environ.get("QUIZAPP_WALK_DUMP")  # a folder: every capture, to look at
        if dump:
            for name, text in walk.shots.items():
                path = Path(dump) / f"{lang}-{size[0]}x{size[1]}-{name}.txt"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        if lang == "ko":
            for name, text in walk.shots.items():
                assert not english_words(text, app.bank), (  # type: ignore[arg-type]
                    f"English on the {name} screen: {english_words(text, app.bank)}\n{text}"  # type: ignore[arg-type]
                )


async def test_a_damaged_store_stops_the_app_with_how_to_restore_and_exit_1(
    app_factory: Callable[..., QuizApp], tmp_path: Path
) -> None:
    from datetime import date

    from quizapp.store.backup import daily_backup
    from tests.store.test_backup import make_store, scribble

    path = make_store(tmp_path / "data")
    daily_backup(path, date(2026, 11, 1))
    scribble(path)
    damaged = path.read_bytes()
    settings = resolve(data_dir=str(tmp_path / "data"), lang="ko", profile="student")
    app = app_factory(settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "진도 데이터베이스가 손상되었습니다" in screen_text(app))
        text = "".join(screen_text(app).split())  # the long line wraps anywhere at 80 columns
        assert "quizappdoctor--restore" in text and "2026-11-01" in text
        await pilot.press("q")
    assert app.return_code == 1
    assert path.read_bytes() == damaged  # never overwritten


async def test_the_exam_date_and_new_cards_per_day_are_set_in_the_app(
    app_factory: Callable[..., QuizApp], tmp_path: Path
) -> None:
    settings = resolve(data_dir=str(tmp_path / "data"), lang="ko", profile="student")
    app = app_factory(settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("o")
        await until(pilot, lambda: type(app.screen).__name__ == "SettingsScreen")
        await pilot.press(*"2026-13-01", "enter")
        await pilot.pause()
        assert "날짜가 아닙니다" in screen_text(app)
        assert app.store is not None and app.store.profiles.info().exam_date is None
        box = app.screen.query_one("#settings-exam-date", Input)
        box.value = ""
        await pilot.press(*"2026-12-01", "enter")  # the clock's day is 2026-11-02
        await pilot.pause()
        assert "시험일을 2026-12-01로 저장했습니다" in screen_text(app)
        limit = app.screen.query_one("#settings-new-per-day", Input)
        assert app.screen.focused is limit
        limit.value = ""
        await pilot.press("5", "enter")
        await pilot.pause()
        info = app.store.profiles.info()
        assert info.exam_date is not None and info.exam_date.isoformat() == "2026-12-01"
        assert info.daily_new_limit == 5
        await pilot.press("escape")
        await until(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        await until(pilot, lambda: "D-29" in screen_text(app))


async def test_a_task_without_a_draft_opens_with_the_last_code_handed_in(
    app_factory: Callable[..., QuizApp], tmp_path: Path
) -> None:
    from quizapp.tui.screens.task import TaskScreen
    from tests.verdicts import verdict

    settings = resolve(data_dir=str(tmp_path / "data"), lang="ko", profile="student")
    app = app_factory(settings=settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        assert app.service is not None
        code = "import torch\n\ndef solve(x):\n    return x.argmin()  # handed in, wrong\n"
        app.service.practice.submit("tensor-argmax", code, verdict("tensor-argmax", 0.0))
        assert app.service.practice.draft("tensor-argmax") is None
        app.action_practice("tensor-argmax")  # as 오답노트 opens a task
        await until(pilot, lambda: isinstance(app.screen, TaskScreen))
        screen = app.screen
        assert isinstance(screen, TaskScreen)
        await until(pilot, lambda: screen.editor.text != "")
        assert screen.editor.text == code


async def test_the_palette_starts_a_quiz_of_one_question_type(
    app_factory: Callable[..., QuizApp], tmp_path: Path
) -> None:
    settings = resolve(data_dir=str(tmp_path / "data"), lang="ko", profile="student")
    app = app_factory(settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: type(app.screen).__name__ == "Palette")
        await pilot.press(*"퀴즈: 빈칸만")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, StudyScreen))
        study = app.screen
        assert isinstance(study, StudyScreen)
        kinds = {ref.type for ref in [*study.session._pending]}
        assert study.card is not None and {study.card.ref.type} | kinds == {"cloze"}

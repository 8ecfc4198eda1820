"""The mock exam scores typed answers with the same matcher and glossary as review, and
its results say how each typed answer was judged."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest

from question_bank import Bank, load_bank
from quizapp.exam import ExamRunner
from quizapp.exam.view import written_review
from quizapp.store import Store, open_url
from quizapp.study import StudyDay, StudyScheduler, StudyService
from tests.exam.test_runner import DRILL, PILOT_ITEMS, Clock

GLOSSARY = "- [stack, 쌓기]\n- [cat, concatenate, 잇기]\n"


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    root = tmp_path / "bank"
    (root / "items").mkdir(parents=True)
    shutil.copy(PILOT_ITEMS, root / "items" / "pilot.yaml")
    (root / "exams").mkdir()
    (root / "exams" / "drill.yaml").write_text(
        DRILL.replace("count: 3", "count: 6"), encoding="utf-8"
    )
    (root / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    return load_bank([root], bundled=False)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_url(f"sqlite:///{tmp_path / 'progress.db'}", "kim", clock=Clock()) as opened:
        yield opened


def test_typed_answers_in_the_exam(store: Store, bank: Bank) -> None:
    clock = Clock()
    service = StudyService(
        store, bank, scheduler=StudyScheduler(fuzz=False), day=StudyDay(zone=UTC), clock=clock
    )
    runner = ExamRunner(service, bank)
    attempt = runner.start_or_resume("drill", seed=3)
    typed = {
        "pilot-short": "argmax입니다",
        "pilot-numeric": "26 픽셀",
        "pilot-cloze": ["쌓기", "concatenate"],
    }
    index = {q.item_id: q.index for q in attempt.questions}
    for item_id, response in typed.items():
        runner.answer(attempt, index[item_id], response)
    attempt = runner.reload(attempt)
    scored = {q.item_id: q.correct for q in attempt.questions if q.item_id in typed}
    assert scored == {"pilot-short": True, "pilot-numeric": True, "pilot-cloze": True}
    cloze = attempt.questions[index["pilot-cloze"]]
    review = written_review(bank.items["pilot-cloze"], cloze, attempt, 1.0, "ko", bank.glossary)
    assert "빈칸 1 ✓ (쌓기 = stack) · 빈칸 2 ✓ (concatenate = cat)" in review
    number = attempt.questions[index["pilot-numeric"]]
    assert "26 픽셀 → 26" in written_review(
        bank.items["pilot-numeric"], number, attempt, 1.0, "en", bank.glossary
    )

"""The exam screens' texts, decided without a screen: the clock, the question list's marks,
answers in words, the choice order of an attempt, results marks and code blocks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from question_bank import Bank, load_bank
from quizapp.exam import ExamRunner, shuffled_choices
from quizapp.exam.view import (
    fenced,
    format_clock,
    is_answered,
    question_mark,
    response_text,
    result_mark,
    shown_choices,
    written_review,
)
from quizapp.store import ExamAttempt, ExamQuestion

PILOT = Path(__file__).parents[1] / "tui" / "data" / "bank"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([PILOT], bundled=False)


def question(index: int = 0, answer: str | None = None, **kw: object) -> ExamQuestion:
    values: dict[str, object] = {
        "item_id": "pilot-single",
        "kind": "written",
        "correct": None,
        "score": None,
        "flagged": False,
        "answered_at": None,
    }
    values.update(kw)
    return ExamQuestion(index=index, answer=answer, **values)  # type: ignore[arg-type]


def attempt(*questions: ExamQuestion, seed: int = 7) -> ExamAttempt:
    start = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    return ExamAttempt(1, "x", seed, start, 10, None, None, None, None, None, tuple(questions))


def test_the_clock_counts_down_to_zero_and_never_below() -> None:
    assert format_clock(timedelta(minutes=90)) == "1:30:00"
    assert format_clock(timedelta(minutes=9, seconds=59.9)) == "09:59"
    assert format_clock(timedelta(seconds=0.5)) == "00:00"
    assert format_clock(timedelta(seconds=-5)) == "00:00"


def test_answered_means_what_the_runner_counts_as_answered() -> None:
    stored = [None, "", '""', "[]", '"x"', '["a"]', "true", "false", "import torch"]
    questions = [question(i, answer) for i, answer in enumerate(stored)]
    unanswered = ExamRunner.unanswered(attempt(*questions))
    assert [not is_answered(q) for q in questions] == [q.index in unanswered for q in questions]
    assert question_mark(questions[0]) == " 1 ○"
    assert question_mark(question(11, '"x"', flagged=True)) == "12 ● ⚑"


def test_answers_in_words(bank: Bank) -> None:
    items = bank.items
    assert response_text(items["pilot-tf"], True, "ko") == "참 (O)"
    assert response_text(items["pilot-tf"], False, "en") == "False"
    assert response_text(items["pilot-multiple"], ["ReLU", "Sigmoid"], "ko") == "ReLU, Sigmoid"
    assert response_text(items["pilot-cloze"], ["stack", ""], "ko") == "stack / …"
    assert response_text(items["pilot-short"], None, "ko") == "(답 없음)"
    assert response_text(items["pilot-numeric"], "26", "ko") == "26"


def test_an_attempt_shows_choices_in_its_own_order_every_time(bank: Bank) -> None:
    item = bank.items["pilot-single"]
    orders = {tuple(shown_choices(item, seed)) for seed in range(30)}
    assert len(orders) > 1  # the seed shuffles
    assert shown_choices(item, 5) == shuffled_choices(item.choices, 5, item.id)
    assert shown_choices(item, 5) == shown_choices(item, 5)


def test_result_marks() -> None:
    assert result_mark(question(answer=None), 2) == "—"
    assert result_mark(question(answer='"x"', score=2.0), 2) == "✓"
    assert result_mark(question(answer="code", score=3.5), 10) == "◐"
    assert result_mark(question(answer='"x"', score=0.0), 2) == "✗"


def test_a_wrong_answer_is_reviewed_with_the_right_one_and_the_explanation(bank: Bank) -> None:
    item = bank.items["pilot-single"]
    wrong = question(0, '"MSELoss"', correct=False, score=0.0)
    text = written_review(item, wrong, attempt(wrong, seed=3), 2, "ko")
    order = shown_choices(item, 3)
    assert "\n".join(f"{i}. {c}" for i, c in enumerate(order, 1)) in text
    assert "**내 답:** ✗ MSELoss · 0/2점" in text
    assert "**정답:** CrossEntropyLoss" in text
    assert "로짓을 받는 분류 손실입니다." in text


def test_code_blocks_survive_backticks_in_the_code() -> None:
    code = 'doc = """```"""\nx = 1\n'
    block = fenced(code)
    assert block.startswith("````python\n") and block.endswith("\n````")


def test_the_practical_part_reads_per_kind_with_the_training_metric() -> None:
    from quizapp.exam.runner import KindScore, Results
    from quizapp.exam.view import kinds_line

    results = Results(
        attempt(),
        None,  # type: ignore[arg-type]  # the line needs only the kinds
        [],
        [],
        timedelta(minutes=5),
        kinds=[
            KindScore("batch", 10, 10),
            KindScore("model", 12, 15),
            KindScore("training", 9, 15, "rmsle", 0.17, 0.16),
        ],
    )
    assert kinds_line(results, "ko") == (
        "배치 10/10 · 모델 구현 12/15 · 학습 문제 9/15 (RMSLE 0.1700, 목표 0.16 이하)"
    )
    assert kinds_line(results, "en") == (
        "batching 10/10 · model 12/15 · training 9/15 (RMSLE 0.1700, target ≤ 0.16)"
    )

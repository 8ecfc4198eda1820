"""`quizapp bank try`: typed answers judged exactly as review, quiz and the exam judge them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import quizapp


def rows(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_single_item_answers_as_json() -> None:
    run = quizapp(
        "--lang",
        "ko",
        "bank",
        "try",
        "lstm-cell-update-cloze",
        "망각/입력/tanh",
        "input/forget/tanh",
        "forget/input",
        "--json",
    )
    assert run.code == 0, run.err
    right, swapped, short = rows(run.out)
    assert right == {
        "item": "lstm-cell-update-cloze",
        "answer": "망각/입력/tanh",
        "correct": True,
        "matched": ["forget", "input", "tanh"],
        "note": "빈칸 1 ✓ (망각 = forget) · 빈칸 2 ✓ (입력 = input) · 빈칸 3 ✓",
        "how": "cloze",
        "blanks": [True, True, True],
    }
    assert swapped["correct"] is False and swapped["blanks"] == [False, False, True]
    assert swapped["matched"] == [None, None, "tanh"]
    assert isinstance(swapped["note"], str) and swapped["note"].startswith("빈칸 1 ✗ (input: ")
    assert short["error"] == "this cloze has 3 blanks, got 2 (separate them with /)"
    assert set(right) >= {"item", "answer", "correct", "matched", "note"}


def test_notes_follow_the_language_and_say_why() -> None:
    run = quizapp(
        "--lang",
        "en",
        "bank",
        "try",
        "fit-early-stopping-name",
        "조기 종료입니다",
        "조기",
        "--json",
    )
    ending, partial = rows(run.out)
    assert ending["correct"] is True and ending["matched"] == "조기 종료"
    assert (
        ending["note"] == "조기 종료입니다 → 조기 종료: a particle after the answer does not count"
    )
    assert partial == {
        "item": "fit-early-stopping-name",
        "answer": "조기",
        "correct": False,
        "matched": None,
        "note": None,
        "how": "wrong",
    }


def test_a_file_of_answers_with_bad_lines_and_unknown_items(tmp_path: Path) -> None:
    answers = tmp_path / "answers.jsonl"
    answers.write_text(
        "\n".join(
            [
                json.dumps({"item": "model-multiclass-loss-name", "answer": "CE"}),
                json.dumps({"item": "lstm-cell-update-cloze", "answer": ["망각", "입력", "tanh"]}),
                json.dumps({"item": "model-multiclass-loss-name", "answer": "NLLLoss"}),
                "",
                json.dumps({"item": "no-such-item", "answer": "x"}),
                "{not json",
                json.dumps({"item": "fc-tensor"}),
                json.dumps({"item": "cnn-fashion", "answer": "x"}),
                json.dumps({"item": "fc-tensor-what", "answer": "x"}),
            ]
        ),
        encoding="utf-8",
    )
    run = quizapp("--lang", "ko", "bank", "try", "--file", answers, "--json")
    assert run.code == 0, run.err
    ce, cloze, nll, unknown, bad, missing, task, card = rows(run.out)
    assert (ce["correct"], ce["matched"], ce["note"]) == (
        True,
        "교차 엔트로피",
        "CE = 교차 엔트로피",
    )
    assert cloze["correct"] is True
    assert nll["correct"] is False and nll["how"] == "rejected"
    assert "로짓을 그대로 받는 것은 CrossEntropyLoss" in str(nll["note"])
    assert unknown["error"] == f"{answers}:5: 'no-such-item': unknown item"
    assert str(bad["error"]).startswith(f"{answers}:6: not JSON")
    assert str(missing["error"]).startswith(f"{answers}:7: expected")
    assert task["error"] == f"{answers}:8: 'cnn-fashion': a task, not a written item"
    assert card["error"] == f"{answers}:9: 'fc-tensor-what' is a flashcard: self-rated, not checked"


def test_the_readable_table() -> None:
    run = quizapp("--lang", "en", "bank", "try", "tensor-argmax-name", "argmax()", "argmin")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].split() == ["item", "answer", "matched", "note"]
    assert "✓" in lines[1] and "✗" in lines[2]
    assert lines[-1] == "1 of 2 accepted"
    ko = quizapp("--lang", "ko", "bank", "try", "tensor-argmax-name", "argmax함수")
    assert ko.out.splitlines()[0].split() == ["문항", "답", "맞춘", "정답", "설명"]
    assert ko.out.splitlines()[-1] == "1개 중 1개 정답"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (
        ("bank", "try"),
        ("bank", "try", "tensor-argmax-name"),
        ("bank", "try", "--file", tmp_path / "missing.jsonl"),
        ("bank", "try", "tensor-argmax-name", "x", "--file", tmp_path / "a.jsonl"),
    ):
        run = quizapp(*args)
        assert run.code == 2, args
        assert run.err.startswith("quizapp: error: "), run.err
        assert "Traceback" not in run.err


def test_rows_that_cannot_be_judged_read_korean_in_the_table() -> None:
    run = quizapp("--lang", "ko", "bank", "try", "lstm-cell-update-cloz", "망각/입력")
    assert run.code == 0, run.err
    assert "없는 문항 ('lstm-cell-update-cloze'을(를) 찾나요?)" in run.out
    short = quizapp("--lang", "ko", "bank", "try", "lstm-cell-update-cloze", "망각/입력")
    assert "빈칸이 3개인데 답은 2개입니다 (/로 구분하세요)" in short.out
    card = quizapp("--lang", "ko", "bank", "try", "fc-tensor-what", "x")
    assert "플래시카드입니다" in card.out and "flashcard" not in card.out
    usage = quizapp("--lang", "ko", "bank", "try", "tensor-argmax-name")
    assert usage.code == 2
    assert usage.err == (
        "quizapp: 오류: 문항 ID와 답을 하나 이상 주거나 --file ANSWERS.jsonl을 주세요\n"
    )

"""`quizapp exam preview` and the bank-format additions of issue 14 as a user meets them:
scope warnings, cloze alternatives and ratio answers in `bank check`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.helpers import quizapp

MakeBank = Callable[..., Path]


def test_json_preview_lists_the_drawn_questions_and_same_seed_gives_same_paper() -> None:
    first = quizapp("exam", "preview", "ai-essential-mock", "--seed", "7", "--json")
    assert first.code == 0, first.err
    paper = json.loads(first.out)
    assert paper["blueprint"] == "ai-essential-mock"
    assert paper["seed"] == 7
    kinds = [q["kind"] for q in paper["questions"]]
    assert kinds == ["written"] * 25 + ["practical"] * 4
    for q in paper["questions"]:
        extra = (
            {"entry"} if q["kind"] == "written" else {"task_kind", "family", "checks_parameters"}
        )
        assert set(q) == {"id", "kind", "type", "pages", "points", "section"} | extra
        assert q["pages"]
    assert {q["type"] for q in paper["questions"] if q["kind"] == "practical"} == {"task"}
    again = quizapp("exam", "preview", "ai-essential-mock", "--seed", "7", "--json")
    assert again.out == first.out
    other = quizapp("exam", "preview", "ai-essential-mock", "--seed", "8", "--json")
    assert json.loads(other.out)["questions"] != paper["questions"]


def test_markdown_preview_writes_the_paper_and_starts_no_attempt(
    tmp_path: Path, isolated_home: Path
) -> None:
    target = tmp_path / "paper.md"
    run = quizapp("--lang", "ko", "exam", "preview", "written-drill", "--markdown", target)
    assert run.code == 0, run.err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# 필기 15분 드릴\n")
    assert text.count("### 문제 ") == 24  # 12 questions, then 12 answers
    assert "## 정답 및 해설" in text
    stats = json.loads(quizapp("stats", "--json").out)
    assert stats["exam_attempts"] == []


def test_unknown_blueprint_is_one_line_and_exit_2() -> None:
    run = quizapp("exam", "preview", "no-such-exam", "--json")
    assert run.code == 2
    assert run.out == ""
    assert run.err.startswith("quizapp: error: unknown exam 'no-such-exam' (known: ")
    assert len(run.err.splitlines()) == 1


def test_preview_options_without_preview_are_a_usage_error() -> None:
    run = quizapp("exam", "ai-essential-mock", "--seed", "3")
    assert run.code == 2
    assert len(run.err.splitlines()) == 1
    assert "preview" in run.err


MOCK = """
id: my-mock
title: 나만의 모의고사
minutes: 10
sections:
  - title: 필기
    kind: written
    count: 2
    points_each: 1
"""
ITEMS = """
items:
  - {id: my-in, type: true_false, pages: [50], prompt: 가, answer: true}
  - {id: my-out, type: true_false, prompt: 나, answer: false}
"""


def test_a_mock_that_can_draw_outside_the_exam_is_a_warning(make_bank: MakeBank) -> None:
    bank = make_bank({"items/a.yaml": ITEMS, "exams/mock.yaml": MOCK})
    run = quizapp("bank", "check", bank)
    assert run.code == 0, run.out + run.err
    warning, summary = run.out.splitlines()
    assert warning.startswith(f"{bank / 'exams/mock.yaml'}:1: warning: blueprint 'my-mock' ")
    assert "add `scope: exam`" in warning
    assert summary.startswith("ok: 2 bank folders, ") and ", 1 warning (" in summary
    scoped = make_bank(
        {
            "items/a.yaml": ITEMS.replace("my-", "other-"),
            "exams/mock.yaml": MOCK.replace("my-mock", "other-mock").replace(
                "count: 2", "scope: exam\n    count: 1"
            ),
        }
    )
    run = quizapp("bank", "check", scoped)
    assert (run.code, len(run.out.splitlines())) == (0, 1), run.out


def test_empty_cloze_alternative_and_ratio_out_of_range_are_errors(make_bank: MakeBank) -> None:
    bank = make_bank(
        {
            "items/a.yaml": """
                pages: [50]
                items:
                  - id: c1
                    type: cloze
                    text: 손실함수는 {{c1::목적|}} 함수라고도 한다.
                  - id: n1
                    type: numeric
                    prompt: 정밀도는? (0.8, 80%, 4/5 모두 가능)
                    form: ratio
                    answer: 80
                  - id: n2
                    type: numeric
                    prompt: 몇 개?
                    form: fraction
                    answer: 1
            """
        }
    )
    run = quizapp("bank", "check", bank)
    assert run.code == 1
    path = bank / "items/a.yaml"
    assert run.out.splitlines() == [
        f"{path}:5: cloze deletion '{{{{c1::목적|}}}}' has an empty alternative; "
        "write {{c1::목적|비용}} with text on both sides of each '|'",
        f"{path}:10: a ratio answer lies between 0 and 1, got 80 (write 0.8 for 80%)",
        f"{path}:14: `form` must be one of 'number' or 'ratio'; got 'fraction'",
    ]

"""Sections with `scope` draw only inside (or only outside) the exam scope, and a preview
draws the paper a sitting with the same seed gets, without touching the store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from question_bank import Bank, load_bank
from question_bank.scope import in_exam_scope
from quizapp.exam import ExamRunner, draw_questions
from quizapp.exam.preview import draw_paper, paper_json, paper_markdown
from quizapp.store import open_url
from quizapp.study import StudyDay, StudyScheduler, StudyService
from tests.conftest import write_tree

ITEMS = """
topic: 손실함수
items:
  - {id: in-a, type: true_false, pages: [50], prompt: 가, answer: true}
  - {id: in-b, type: true_false, pages: ["49-50"], prompt: 나, answer: false}
  - {id: in-c, type: true_false, pages: [50, 300], prompt: 다, answer: true}
  - {id: out-a, type: true_false, pages: [300], prompt: 라, answer: true}
  - {id: out-b, type: true_false, prompt: 마, answer: false}
"""
SYLLABUS = "- title: 손실함수\n  pages: [50]\n"


def blueprint(scope: str | None, count: int) -> str:
    line = f"    scope: {scope}\n" if scope else ""
    return (
        f"id: bp\ntitle: 연습\nminutes: 5\nsections:\n  - title: 필기\n    kind: written\n"
        f"{line}    count: {count}\n    points_each: 1\n"
    )


def small_bank(tmp_path: Path, scope: str | None, count: int) -> Bank:
    root = write_tree(
        tmp_path / "bank",
        {
            "syllabus.yaml": SYLLABUS,
            "items/a.yaml": ITEMS,
            "exams/bp.yaml": blueprint(scope, count),
        },
    )
    return load_bank([root], bundled=False)


@pytest.mark.parametrize(
    ("scope", "expected"),
    [("exam", {"in-a", "in-b", "in-c"}), ("beyond", {"out-a", "out-b"}), (None, None)],
)
def test_scope_limits_what_a_section_draws(
    tmp_path: Path, scope: str | None, expected: set[str] | None
) -> None:
    count = len(expected) if expected else 5
    bank = small_bank(tmp_path, scope, count)
    for seed in range(10):
        drawn = {q.item_id for q in draw_questions(bank.exams["bp"], bank, seed)}
        assert drawn == (expected or set(bank.items))


def test_a_scoped_pool_too_small_for_its_count_is_an_error(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "bank",
        {"syllabus.yaml": SYLLABUS, "items/a.yaml": ITEMS, "exams/bp.yaml": blueprint("exam", 4)},
    )
    from question_bank import load_banks

    _, problems = load_banks([root], bundled=False)
    assert [p.message for p in problems] == [
        "section '필기' draws 4 written items but its pool holds 3 (scope exam)"
    ]


@pytest.fixture(scope="module")
def bundled() -> Bank:
    return load_bank()


def test_twenty_previews_of_the_mock_draw_only_in_scope_written_items(bundled: Bank) -> None:
    seen: set[str] = set()
    for seed in range(20):
        paper = paper_json(draw_paper(bundled, "ai-essential-mock", seed), bundled)
        written = [q for q in paper["questions"] if q["kind"] == "written"]
        assert len(written) == 25
        for q in written:
            assert in_exam_scope(bundled.items[q["id"]].pages, bundled.syllabus), q
            assert q["pages"], q
        seen.update(q["id"] for q in written)
    assert len(seen) > 100  # different seeds, different papers


def test_the_beyond_drill_draws_only_outside_the_exam(bundled: Bank) -> None:
    for seed in range(5):
        for q in draw_paper(bundled, "beyond-exam-drill", seed).questions:
            assert not in_exam_scope(bundled.items[q.item_id].pages, bundled.syllabus)


def test_preview_is_the_paper_a_sitting_draws_and_stores_nothing(
    bundled: Bank, tmp_path: Path
) -> None:
    now = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    with open_url(f"sqlite:///{tmp_path / 'p.db'}", "kim", clock=lambda: now) as store:
        service = StudyService(
            store,
            bundled,
            scheduler=StudyScheduler(fuzz=False),
            day=StudyDay(zone=UTC),
            clock=lambda: now,
        )
        paper = draw_paper(bundled, "ai-essential-mock", 77)
        assert store.exams.attempts() == []
        attempt = ExamRunner(service, bundled).start_or_resume("ai-essential-mock", seed=77)
        assert [q.item_id for q in attempt.questions] == [q.item_id for q in paper.questions]


def test_a_preview_without_a_seed_says_which_seed_it_drew(bundled: Bank) -> None:
    paper = draw_paper(bundled, "written-drill")
    again = draw_paper(bundled, "written-drill", paper.seed)
    assert again.questions == paper.questions


def test_markdown_has_questions_then_the_key_with_explanations_and_pages(bundled: Bank) -> None:
    paper = draw_paper(bundled, "ai-essential-mock", 5)
    text = paper_markdown(paper, bundled, "ko")
    questions, key = text.split("## 정답 및 해설")
    assert questions.count("### 문제 ") == len(paper.questions) == key.count("### 문제 ")
    assert "교재 쪽" in key and "해설" in key and "모범 답안" in key
    first = bundled.items[paper.questions[0].item_id]
    assert f"교재 쪽 {first.pages[0]}" in key.split("### 문제 2")[0]

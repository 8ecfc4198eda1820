"""The class report over a real store with several profiles (SQLite, and PostgreSQL when
QUIZAPP_TEST_PG_URL is set)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from question_bank import Bank, load_bank
from quizapp.classroom.report import build_report
from quizapp.classroom.report_view import format_class_report, report_json, write_csv
from quizapp.store import Classroom, open_database
from tests.classroom.class_data import fill_class
from tests.store.helpers import START, FakeClock, write_sample_bank


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    return load_bank([write_sample_bank(tmp_path / "bank")], bundled=False)


@pytest.fixture
def classroom(db_url: str, bank: Bank) -> Iterator[Classroom]:
    clock = FakeClock()
    fill_class(db_url, bank, clock)
    opened = Classroom(open_database(db_url, clock=clock))
    yield opened
    opened.close()


def test_one_row_per_profile_with_the_numbers_of_each(classroom: Classroom, bank: Bank) -> None:
    report = build_report(classroom, bank)
    rows = {s.profile: s for s in report.students}
    assert list(rows) == ["kim", "lee", "park", "quiet"]
    kim, lee, park, quiet = rows.values()
    assert (kim.reviews, lee.reviews, park.reviews, quiet.reviews) == (7, 7, 1, 0)
    assert kim.retention is None  # nothing was in the review state yet
    assert [(m.title, m.items, m.mastered) for m in kim.mastery] == [
        ("텐서", 7, 6),  # every written item, not the unseen flashcard
        ("손실함수", 3, 1),
    ]
    assert [(m.title, m.mastered) for m in lee.mastery] == [("텐서", 1), ("손실함수", 0)]
    assert {p.title: p.mastered for p in kim.pages} == {"10": 6, "11": 6, "12": 6, "50": 1}
    assert kim.best == {"tk": (10.0, 10.0)}
    assert lee.best == {"tk": (5.0, 10.0)}
    assert [a.score_percent for a in kim.exams] == [80.0, 55.0]  # newest first
    assert kim.last_activity == START
    assert lee.last_activity == START + timedelta(hours=1, minutes=5)
    assert park.last_activity == START + timedelta(hours=2, minutes=5)
    assert quiet.last_activity is None and not quiet.active


def test_the_summary_names_what_the_class_finds_hard(classroom: Classroom, bank: Bank) -> None:
    report = build_report(classroom, bank)
    # means over the three active students; `quiet` never studied and is left out
    assert [(w.title, w.percent) for w in report.weakest_entries] == [
        ("손실함수", 11.1),
        ("텐서", 33.3),
    ]
    assert report.weakest_pages[0].title == "50"
    top = report.failed_checks[0]
    assert (top.task, top.check, top.students, top.submitted) == ("tk", "output shape", 2, 3)
    assert [(d.id, d.students) for d in report.diagnoses] == [("softmax-on-logits", 2)]
    # only `sc` was answered three times (right once): the others are too few to judge
    assert [
        (r.card_id, r.answers, round(r.success, 3), r.students) for r in report.hardest_items
    ] == [("sc", 3, 0.333, 3)]


def test_json_csv_and_text_carry_the_same_report(classroom: Classroom, bank: Bank) -> None:
    report = build_report(classroom, bank)
    data = report_json(report, "en")
    assert [s["profile"] for s in data["students"]] == ["kim", "lee", "park", "quiet"]
    assert data["students"][0]["best_scores"] == {"tk": {"score": 10.0, "max_score": 10.0}}
    assert data["summary"]["diagnoses"] == [
        {"id": "softmax-on-logits", "message": "softmax on logits", "students": 2}
    ]
    out = io.StringIO()
    write_csv(report, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["profile"] for r in rows] == ["kim", "lee", "park", "quiet"]
    assert rows[0]["mastery: 텐서"] == "85.7" and rows[1]["best: tk"] == "5"
    assert rows[3]["last_activity"] == "" and rows[0]["exam_attempts"] == "2"
    text = format_class_report(report, "ko")
    assert "반 보고서 — 학생 4명 (활동 3명)" in text
    assert "tk · output shape: 2/3명" in text
    assert "softmax-on-logits: 2명 — 로짓에 소프트맥스" in text


def test_the_report_adds_no_profile_of_its_own(db_url: str, bank: Bank) -> None:
    fill_class(db_url, bank, FakeClock())
    for _ in range(2):
        with Classroom(open_database(db_url)) as classroom:
            names = [name for _, name in classroom.profiles()]
            build_report(classroom, bank)
    assert names == ["kim", "lee", "park", "quiet"]

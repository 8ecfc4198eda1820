"""`quizapp class report` as a teacher runs it, on a store shared by several students."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from question_bank import load_banks
from tests.classroom.class_data import fill_class
from tests.helpers import quizapp
from tests.store.helpers import FakeClock, sqlite_url, write_sample_bank


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    return write_sample_bank(tmp_path / "bank")


def test_report_prints_rows_and_summary_and_writes_the_csv(tmp_path: Path, bank_dir: Path) -> None:
    url = sqlite_url(tmp_path / "class.db")
    bank, problems = load_banks([bank_dir])
    assert not problems
    fill_class(url, bank, FakeClock())
    gradebook = tmp_path / "class.csv"
    run = quizapp(
        "--lang", "en", "--db", url, "--bank", bank_dir, "class", "report", "--csv", gradebook
    )
    assert run.code == 0, run.err
    assert "Class report — 4 students (3 active)" in run.out
    assert "tk · output shape: 2 of 3 students" in run.out
    assert "sc (written): 33.3% right, 3 answers by 3 students" in run.out
    rows = list(csv.DictReader(gradebook.open(encoding="utf-8")))
    assert [r["profile"] for r in rows] == ["kim", "lee", "park", "quiet"]
    data = json.loads(quizapp("--db", url, "--bank", bank_dir, "class", "report", "--json").out)
    assert data["summary"]["active_students"] == 3


def test_an_unreachable_database_is_one_line_without_its_password() -> None:
    url = "postgresql+psycopg://teacher:s3cret-pw@127.0.0.1:1/class"
    run = quizapp("--db", url, "class", "report")
    assert run.code == 2
    assert run.err.count("\n") == 1 and run.err.startswith("quizapp: error: ")
    assert "s3cret-pw" not in run.err and "teacher:***@127.0.0.1:1/class" in run.err


def test_a_store_without_profiles_says_so(tmp_path: Path) -> None:
    run = quizapp("--lang", "en", "--db", sqlite_url(tmp_path / "new.db"), "class", "report")
    assert run.code == 0, run.err
    assert run.out.strip() == "this store has no student profiles yet"

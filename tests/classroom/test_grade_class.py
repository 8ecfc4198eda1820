"""`quizapp grade` on a class: 30 students' folders into a gradebook, a whole practical exam
per student against a blueprint, the similarity column, the progress bar on a terminal
only, and bad input in one line.

The students' files are the good and bad submissions of tests/grader/submissions (their
names say which), so every row's verdict is known. Each command grades all of its files
with one grader's warm workers.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.helpers import quizapp

SUBMISSIONS = Path(__file__).parents[1] / "grader" / "submissions"
SIMILAR = Path(__file__).parent / "similar" / "cnn-fashion"
TASKS = ("tensor-reshape", "tensor-argmax", "tensor-fill-row")
STUDENTS = 30

BLUEPRINT = """\
id: tensor-quiz
title: 텐서 실기
minutes: 30
sections:
  - title: 실기
    kind: practical
    tasks: [tensor-reshape, tensor-argmax, tensor-fill-row]
    points_each: 10
"""


@pytest.fixture(scope="module")
def klass(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[tuple[str, str], bool]]:
    """30 student folders with one file per task; which of them are good."""
    root = tmp_path_factory.mktemp("class")
    good: dict[tuple[str, str], bool] = {}
    for task in TASKS:
        files = sorted(p for p in (SUBMISSIONS / task).glob("*.py"))
        for i in range(STUDENTS):
            student = f"s{i:02d}"
            source = files[(i * 7 + len(task)) % len(files)]
            (root / student).mkdir(exist_ok=True)
            shutil.copy(source, root / student / f"{task}.py")
            good[(student, task)] = source.name.startswith("good_")
    return root, good


@pytest.fixture(scope="module")
def blueprint_bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    bank = tmp_path_factory.mktemp("bank")
    (bank / "exams").mkdir()
    (bank / "exams" / "tensor-quiz.yaml").write_text(BLUEPRINT, encoding="utf-8")
    return bank


def test_a_whole_class_exam_grades_into_one_row_per_student(
    klass: tuple[Path, dict[tuple[str, str], bool]], blueprint_bank: Path, tmp_path: Path
) -> None:
    root, good = klass
    book = tmp_path / "exam.csv"
    run = quizapp("--bank", blueprint_bank, "grade", "--exam", "tensor-quiz", root, "--csv", book)
    assert run.code == 1, run.err  # some files fail
    rows = list(csv.DictReader(book.open(encoding="utf-8")))
    assert [r["student"] for r in rows] == [f"s{i:02d}" for i in range(STUDENTS)]
    assert list(rows[0]) == ["student", *TASKS, "total", "max_total"]
    for row in rows:
        points = [float(row[t]) for t in TASKS]
        for task, got in zip(TASKS, points, strict=True):
            assert (got == 10) == good[(row["student"], task)], (row["student"], task, got)
        assert float(row["total"]) == pytest.approx(sum(points), abs=0.02)
        assert row["max_total"] == "30"
    assert len(run.out.splitlines()) == STUDENTS
    assert run.out.splitlines()[0].startswith("s00  ")


def test_a_folder_grades_into_a_gradebook_row_per_file(
    klass: tuple[Path, dict[tuple[str, str], bool]], tmp_path: Path
) -> None:
    root, good = klass
    folder = tmp_path / "reshape"
    for student in sorted(p.name for p in root.iterdir()):
        (folder / student).mkdir(parents=True)
        shutil.copy(root / student / "tensor-reshape.py", folder / student / "answer.py")
    book = tmp_path / "book.csv"
    run = quizapp("--lang", "en", "grade", "tensor-reshape", folder, "--csv", book, "--jobs", "2")
    assert run.code == 1
    rows = list(csv.DictReader(book.open(encoding="utf-8")))
    assert list(rows[0]) == [
        "file",
        "student",
        "task",
        "passed",
        "score",
        "max_score",
        "diagnoses",
        "seconds",
        "similarity",
    ]
    assert [r["student"] for r in rows] == [f"s{i:02d}" for i in range(STUDENTS)]
    assert rows[3]["file"] == str(folder / "s03" / "answer.py")
    for row in rows:
        assert (row["passed"] == "yes") == good[(row["student"], "tensor-reshape")]
        assert row["max_score"] == "10" and row["similarity"] == ""
    # too short a task to compare: said once, on stderr; no progress bar when piped
    assert "tensor-reshape: its solutions are too short to tell apart" in run.err
    assert "━" not in run.err


def test_the_similarity_column_names_each_files_closest_match(tmp_path: Path) -> None:
    book = tmp_path / "cnn.csv"
    quizapp("grade", "cnn-fashion", SIMILAR, "--csv", book)
    rows = {Path(r["file"]).stem: r for r in csv.DictReader(book.open(encoding="utf-8"))}
    assert rows["choi"]["similarity"] == f"100% ~ {SIMILAR / 'kim.py'}"
    assert rows["kim"]["similarity"] == f"100% ~ {SIMILAR / 'choi.py'}"
    assert int(rows["lee"]["similarity"].split("%")[0]) < 60
    assert rows["kim"]["passed"] == "yes"


def test_a_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    for name in ("good_plain_view.py", "bad_no_channel.py"):
        shutil.copy(SUBMISSIONS / "tensor-reshape" / name, folder / name)
    controller, terminal = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "quizapp", "grade", "tensor-reshape", folder],
        stdout=subprocess.PIPE,
        stderr=terminal,
        env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"},
    )
    os.close(terminal)
    # Drain the terminal while the command runs: a bar redrawn ten times a second fills
    # the pty's buffer on a slow machine, and a writer blocked on a full terminal hangs.
    seen = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                return
            if not chunk:
                return
            seen.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    out, _ = proc.communicate(timeout=120)
    reader.join(timeout=10)
    os.close(controller)
    assert "2/2" in seen.decode(errors="replace")  # the bar's count, on the terminal
    lines = out.decode().splitlines()  # the reports stay on the redirected stdout
    assert sum(1 for line in lines if not line.startswith(" ")) == 2


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, blueprint_bank: Path) -> None:
    (tmp_path / "latin1.py").write_bytes(b"name = '\xe9'\n")
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "notes.txt").write_text("no code", encoding="utf-8")
    cases = [
        (("grade", "tensor-reshape", tmp_path / "latin1.py"), "latin1.py: not UTF-8 text"),
        (("grade", "tensor-reshape", tmp_path / "nothing"), "no .py files in this folder"),
        (("grade", "--exam", "no-such-exam", tmp_path), "unknown blueprint 'no-such-exam'"),
        (
            ("--bank", blueprint_bank, "grade", "--exam", "tensor-quiz", tmp_path / "nothing"),
            "no student folders with .py files",
        ),
        (
            ("grade", "cnn-fashion", SIMILAR, "--csv", tmp_path / "no" / "such" / "book.csv"),
            "cannot write",
        ),
    ]
    for args, message in cases:
        run = quizapp(*args)
        assert run.code == 2, (args, run.err)
        assert run.err.count("\n") == 1 and message in run.err, run.err

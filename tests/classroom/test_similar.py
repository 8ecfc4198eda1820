"""`quizapp class similar`: a copied-and-renamed submission is listed with its shared lines,
independent ones are not, the starter's code never counts, short tasks are not judged.

tests/classroom/similar/cnn-fashion holds six students' CNNs: choi.py is kim.py with
every name changed, comments rewritten and the spacing altered; han.py is written
independently in the same style as kim.py (the closest honest pair); jung, lee and
park chose other styles.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from question_bank import load_banks
from quizapp.classroom.similarity import compare_all
from tests.helpers import quizapp

CLASS = Path(__file__).parent / "similar" / "cnn-fashion"


def _starter(task: str) -> str:
    bank, _ = load_banks([])
    return bank.tasks[task].read("starter.py")


def test_the_renamed_copy_is_the_one_pair_listed_with_its_lines() -> None:
    run = quizapp("--lang", "en", "class", "similar", "cnn-fashion", CLASS)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == (
        "cnn-fashion: 6 submissions, 1 pairs at or above 60% similarity "
        "(a list to look at, not a verdict)"
    )
    assert lines[1].startswith(f"{CLASS / 'choi.py'} ↔ {CLASS / 'kim.py'}: 100%")
    assert lines[2] == f"    {CLASS / 'choi.py'} lines 1-19 ~ {CLASS / 'kim.py'} lines 1-19"
    assert len(lines) == 3


def test_independent_solutions_stay_below_the_copy() -> None:
    sources = {p.stem: p.read_text(encoding="utf-8") for p in sorted(CLASS.glob("*.py"))}
    pairs = {(p.a, p.b): p.similarity for p in compare_all(sources, _starter("cnn-fashion")).pairs}
    assert pairs[("choi", "kim")] == 1.0
    honest = {pair: value for pair, value in pairs.items() if pair != ("choi", "kim")}
    assert max(honest.values()) < 0.6
    # the same style written twice is the closest honest pair, still well below the copy
    assert max(honest, key=honest.__getitem__) in {("han", "kim"), ("choi", "han")}


def test_the_starter_code_shared_by_everyone_does_not_count(tmp_path: Path) -> None:
    starter = _starter("cnn-fashion")
    for name in ("a", "b"):  # two students who handed in the starter plus one line each
        (tmp_path / f"{name}.py").write_text(starter + f"\nVERSION_{name} = 1\n", encoding="utf-8")
    run = quizapp("class", "similar", "cnn-fashion", tmp_path, "--json")
    assert run.code == 0 and run.out == ""


def test_json_rows_carry_the_figures_and_fragments() -> None:
    run = quizapp("class", "similar", "cnn-fashion", CLASS, "--threshold", "40", "--json")
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert rows[0]["a"].endswith("choi.py") and rows[0]["similarity"] == 1.0
    assert rows[0]["fragments"] == [{"a_lines": [1, 19], "b_lines": [1, 19]}]
    assert all(r["similarity"] >= 0.4 for r in rows) and len(rows) > 1


def test_a_task_too_short_to_tell_is_said_so(tmp_path: Path) -> None:
    shutil.copy(CLASS / "kim.py", tmp_path / "kim.py")
    run = quizapp("--lang", "en", "class", "similar", "tensor-argmax", tmp_path)
    assert run.code == 0
    assert "tensor-argmax: its solutions are too short to tell apart" in run.out


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("no code here", encoding="utf-8")
    for args, message in [
        (("cnn-fashion", tmp_path), f"{tmp_path}: no .py files in this folder"),
        (("cnn-fashion", tmp_path / "missing"), f"file not found: {tmp_path / 'missing'}"),
        (("no-such-task", CLASS), "unknown task 'no-such-task'"),
    ]:
        run = quizapp("class", "similar", *args)
        assert run.code == 2
        assert run.err.count("\n") == 1 and message in run.err, run.err
    (tmp_path / "kim.py").write_bytes(b"x = '\xff'\n")
    for args, message in [
        (("cnn-fashion", tmp_path), f"{tmp_path / 'kim.py'}: not UTF-8 text"),
    ]:
        run = quizapp("class", "similar", *args)
        assert run.code == 2
        assert run.err.count("\n") == 1 and message in run.err, run.err

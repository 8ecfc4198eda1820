"""The sample submissions under submissions/<task-id>/: every good_*.py passes, every bad_*.py
fails with a message that names its symptom (expected.yaml), and no message leaks hidden code.

Every file is graded on the backend this machine picks; the portable backend
grades the files of a representative subset (:data:`PORTABLE_TASKS`: a tensor
function and a training step with an optimizer; the CNN of bench/bench_grader.py
is graded there), since each of its runs — a file, the reference, each
catalogued mistake once a file fails — costs a fresh interpreter's start.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from grader import Grader, GradeResult
from question_bank import Bank

from .catalogue import CATALOGUE

HERE = Path(__file__).parent / "submissions"
FILES = sorted(HERE.glob("*/*.py"))
GOOD = [f for f in FILES if f.name.startswith("good_")]
BAD = [f for f in FILES if f.name.startswith("bad_")]
# On the portable backend every run is a fresh interpreter (the reference's and each catalogued
# mistake's too), so it grades a sample: right and wrong files of a function and of a training
# step, whose verdicts and diagnoses must equal the linux backend's.
PORTABLE_FILES = [
    HERE / "tensor-standardize" / "good_einsum.py",
    HERE / "tensor-standardize" / "bad_biased_std.py",
    HERE / "train-one-epoch" / "good_loss_list.py",
    HERE / "train-one-epoch" / "bad_no_zero_grad.py",
]


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _expected(task_dir: Path) -> dict[str, str]:
    path = task_dir / "expected.yaml"
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


def _failures(result: GradeResult) -> list[str]:
    texts = [f"{c.name}: {c.message_in('en')}" for c in result.checks if not c.passed]
    return [*texts, result.error_in("en") or ""]


@pytest.fixture(scope="module")
def results(bank: Bank, grader: Grader) -> dict[Path, GradeResult]:
    handles = {
        f: grader.submit(bank.tasks[f.parent.name], f.read_text(encoding="utf-8")) for f in FILES
    }
    return {f: h.result(timeout=300) for f, h in handles.items()}


@pytest.fixture(scope="module")
def portable_results(bank: Bank, portable_grader: Grader) -> dict[Path, GradeResult]:
    handles = {
        f: portable_grader.submit(bank.tasks[f.parent.name], f.read_text(encoding="utf-8"))
        for f in PORTABLE_FILES
    }
    return {f: h.result(timeout=300) for f, h in handles.items()}


@pytest.mark.slow  # starts the portable backend's pool
@pytest.mark.parametrize("path", PORTABLE_FILES, ids=_id)
def test_the_portable_backend_gives_the_same_verdict(
    results: dict[Path, GradeResult], portable_results: dict[Path, GradeResult], path: Path
) -> None:
    linux, portable = results[path], portable_results[path]
    assert (portable.passed, portable.score, portable.error_kind) == (
        linux.passed,
        linux.score,
        linux.error_kind,
    )
    assert [c.model_dump() for c in portable.checks] == [c.model_dump() for c in linux.checks]
    assert portable.diagnoses == linux.diagnoses


@pytest.mark.parametrize("task_id", CATALOGUE)
def test_every_task_has_three_wrong_and_two_right_submissions(task_id: str) -> None:
    folder = HERE / task_id
    bad = sorted(p.name for p in folder.glob("bad_*.py"))
    good = sorted(p.name for p in folder.glob("good_*.py"))
    assert len(bad) >= 3, f"{task_id}: only {bad}"
    assert len(good) >= 2, f"{task_id}: only {good}"
    assert sorted(_expected(folder)) == bad, (
        "expected.yaml must name every bad file, and only those"
    )


@pytest.mark.parametrize("path", GOOD, ids=_id)
def test_a_correct_submission_passes(results: dict[Path, GradeResult], path: Path) -> None:
    result = results[path]
    assert result.passed, _failures(result)
    assert result.score == result.max_score


@pytest.mark.parametrize("path", BAD, ids=_id)
def test_a_wrong_submission_fails_with_its_symptom(
    results: dict[Path, GradeResult], path: Path
) -> None:
    result = results[path]
    assert not result.passed
    assert result.score < result.max_score
    phrase = _expected(path.parent).get(path.name)
    assert phrase, f"{path.name} is missing from expected.yaml"
    failures = _failures(result)
    assert any(phrase.lower() in text.lower() for text in failures), (phrase, failures)


def test_no_message_shows_hidden_test_code(results: dict[Path, GradeResult]) -> None:
    for path, result in results.items():
        for text in _failures(result):
            assert "hidden_tests" not in text and "grader/" not in text, (path, text)
            assert "p.observe" not in text and "probe(" not in text, (path, text)

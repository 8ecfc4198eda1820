"""'Values differ' with a cause: files written in other styles than the catalogue's own get
the catalogued mistake (or the source-read dropout-always-on), and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from grader import Grader, GradeResult
from grader.verdict.diagnose import plain
from question_bank import Bank

HERE = Path(__file__).parent / "values_differ"
EXPECTED: dict[str, str] = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def graded(bank: Bank, grader: Grader) -> dict[str, GradeResult]:
    handles = {
        name: grader.submit(bank.tasks[name.split("/")[0]], (HERE / name).read_text("utf-8"))
        for name in EXPECTED
    }
    return {name: handle.result(timeout=300) for name, handle in handles.items()}


def test_every_file_is_listed() -> None:
    assert {f"{f.parent.name}/{f.name}" for f in HERE.glob("*/*.py")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_values_differ_file_is_diagnosed_as_its_mistake(
    graded: dict[str, GradeResult], name: str
) -> None:
    result = graded[name]
    assert not result.passed
    assert [d.id for d in result.diagnoses] == [EXPECTED[name]]
    message = result.diagnoses[0].message
    assert "(p." in message["en"] and "(p." in message["ko"]


def test_functional_dropout_told_whether_it_trains_is_fine() -> None:
    for call in (
        "F.dropout(x, 0.2, self.training)",
        "F.dropout(x, p=0.2, training=self.training)",
        "self.dropout(x)",
        "nn.Dropout(0.2)(x)",
    ):
        assert plain(f"def forward(self, x):\n    return {call}\n") == [], call
    (found,) = plain("def forward(self, x):\n    return F.dropout(x, 0.2)\n")
    assert found.id == "dropout-always-on" and "line 2" in found.message["en"]


GOOD = sorted((HERE.parent / "submissions").glob("*/good_*.py"))


def test_no_correct_sample_file_gets_a_diagnosis(bank: Bank, grader: Grader) -> None:
    """The cause detectors (catalogued, runtime, values_cause, plain) stay silent on every
    correct sample file: each passes and carries no diagnosis."""
    handles = {
        path: grader.submit(bank.tasks[path.parent.name], path.read_text("utf-8")) for path in GOOD
    }
    assert len(handles) >= 80
    for path, handle in handles.items():
        result = handle.result(timeout=300)
        assert result.passed, path
        assert result.diagnoses == [], (path, result.diagnoses)

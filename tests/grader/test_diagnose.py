"""Diagnoses: a catalogued mistake named in a failing report, and plain ones for notebook pastes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grader import Grader
from grader.verdict.diagnose import plain
from question_bank import Bank

from ..helpers import quizapp

SUBMISSIONS = Path(__file__).parent / "submissions"


def _ids(source: str) -> list[str]:
    return [d.id for d in plain(source)]


def test_a_module_the_task_does_not_allow_is_named_with_the_allowed_ones() -> None:
    (found,) = plain(
        "import torch\nimport numpy as np\nfrom sklearn.metrics import accuracy_score\n"
    )
    assert found.id == "import"
    assert "remove `import sklearn.metrics`" in found.message["en"]
    assert "torch" in found.message["ko"] and "numpy" in found.message["ko"]


def test_standard_library_and_allowed_modules_are_fine() -> None:
    source = "import math\nimport collections\nimport torch.nn.functional as F\nimport numpy\n"
    assert _ids(source) == []


def test_downloads_and_training_at_import_time_are_named() -> None:
    source = (
        "import torch\n"
        "from torchvision import datasets\n"
        "train = datasets.MNIST('data', download=True)\n"
        "def fit(model, opt):\n"
        "    opt.zero_grad()\n"
        "    model(torch.ones(1)).sum().backward()\n"
        "    opt.step()\n"
        "fit(model, opt)\n"
    )
    assert _ids(source) == ["import", "download", "training-at-import"]
    assert "(line 8)" in plain(source)[2].message["en"]


def test_training_under_the_main_guard_or_inside_functions_is_fine() -> None:
    source = (
        "def train(model, loss, opt):\n"
        "    loss.backward()\n"
        "    opt.step()\n"
        "if __name__ == '__main__':\n"
        "    train(1, 2, 3)\n"
    )
    assert _ids(source) == []
    assert _ids("def f(:\n") == []


@pytest.mark.parametrize("task_id", ["cnn-fashion", "transfer-freeze", "dataset-custom"])
def test_every_catalogued_mistake_is_diagnosed_as_itself_in_both_languages(
    bank: Bank, grader: Grader, task_id: str
) -> None:
    task = bank.tasks[task_id]
    handles = [(m.id, grader.submit(task, m.source)) for m in task.mistakes]
    for mistake_id, handle in handles:
        result = handle.result(timeout=300)
        assert not result.passed
        assert [d.id for d in result.diagnoses] == [mistake_id]
        assert result.diagnoses[0].message["ko"] and result.diagnoses[0].message["en"]


def test_a_failure_that_matches_no_mistake_gets_no_catalogued_diagnosis(
    bank: Bank, grader: Grader
) -> None:
    task = bank.tasks["cnn-fashion"]
    starter = grader.grade(task, task.read("starter.py"))
    assert not starter.passed and starter.diagnoses == []
    flatten = (SUBMISSIONS / "cnn-fashion" / "bad_flatten_batch.py").read_text()
    # no catalogued mistake: what its exception means instead (runtime explanations)
    (found,) = grader.grade(task, flatten).diagnoses
    assert found.id == "runtime-flatten-batch"
    assert "(15680,)" in found.message["en"] and "torch.flatten(x, 1)" in found.message["ko"]


def test_a_mistake_written_in_another_style_is_still_recognised(bank: Bank, grader: Grader) -> None:
    source = (SUBMISSIONS / "cnn-fashion" / "bad_softmax.py").read_text()
    result = grader.grade(bank.tasks["cnn-fashion"], source)
    assert [d.id for d in result.diagnoses] == ["softmax-output"]


def test_a_passing_submission_has_no_diagnosis(bank: Bank, grader: Grader) -> None:
    task = bank.tasks["dataset-custom"]
    assert grader.grade(task, task.read("solution.py")).diagnoses == []


@pytest.mark.slow  # `quizapp grade` in a subprocess that imports torch
def test_quizapp_grade_shows_the_diagnosis_above_the_checks_in_the_chosen_language() -> None:
    bad = SUBMISSIONS / "cnn-fashion" / "bad_softmax.py"
    run = quizapp("--lang", "ko", "grade", "cnn-fashion", bad)
    lines = run.out.splitlines()
    assert lines[1] == "  살펴볼 점:"
    assert lines[2].startswith("    → 마지막에 softmax를 적용했습니다")
    row = json.loads(quizapp("grade", "cnn-fashion", bad, "--json").out)
    assert [d["id"] for d in row["diagnoses"]] == ["softmax-output"]

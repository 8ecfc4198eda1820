"""Training tasks in the bank format: fields, validation at path:line, the bundled four."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from question_bank import TrainingTask, load_banks
from question_bank.tasks import NN_MODULES
from tests.helpers import quizapp

from .test_validation import problems_of

MakeBank = Callable[..., Path]

TRAINING_YAML = """\
id: t1
type: training
title: 학습
pages: [83]
prompt: 학습하세요.
target: {target}
floor: {floor}
cpu_budget_s: 5
requires: [{requires}]
"""


def training_bank(
    make_bank: MakeBank,
    *,
    target: str = "0.9",
    floor: str = "0.5",
    requires: str = "Linear",
    skip: tuple[str, ...] = (),
) -> Path:
    files: dict[str, str | bytes] = {
        "tasks/t1/task.yaml": TRAINING_YAML.format(target=target, floor=floor, requires=requires),
        "tasks/t1/starter.py": "def build_model():\n    raise NotImplementedError\n",
        "tasks/t1/solution.py": "def build_model():\n    return None\n",
        "tasks/t1/data.npz": b"npz",
        "tasks/t1/answers.npz": b"npz",
    }
    return make_bank({k: v for k, v in files.items() if k.rsplit("/", 1)[1] not in skip})


def test_a_correct_training_task_loads_without_hidden_tests(make_bank: MakeBank) -> None:
    bank_dir = training_bank(make_bank)
    bank, problems = load_banks([bank_dir], bundled=False)
    assert problems == []
    task = bank.tasks["t1"]
    assert isinstance(task, TrainingTask)
    assert (task.target, task.floor, task.cpu_budget_s, task.requires) == (0.9, 0.5, 5, ["Linear"])
    assert (task.data, task.answers, task.metric) == ("data.npz", "answers.npz", "accuracy")


def test_missing_data_file_is_reported_at_its_field(make_bank: MakeBank) -> None:
    bank_dir = training_bank(make_bank, skip=("answers.npz",))
    assert problems_of(bank_dir) == [
        f"tasks/t1/task.yaml:1: `answers` names 'answers.npz', but {bank_dir}/tasks/t1/answers.npz does not exist"
    ]


def test_data_file_named_in_yaml_must_exist(make_bank: MakeBank) -> None:
    bank_dir = training_bank(make_bank)
    spec = bank_dir / "tasks/t1/task.yaml"
    spec.write_text(spec.read_text(encoding="utf-8") + "data: ../secret.npz\n", encoding="utf-8")
    assert problems_of(bank_dir) == [
        "tasks/t1/task.yaml:10: `data` '../secret.npz' must be a file name inside the task folder"
    ]


def test_floor_must_be_below_target(make_bank: MakeBank) -> None:
    assert problems_of(training_bank(make_bank, target="0.6", floor="0.7")) == [
        "tasks/t1/task.yaml:7: `floor` 0.7 must be below `target` 0.6"
    ]


def test_an_rmsle_floor_lies_above_its_target_and_may_exceed_one(make_bank: MakeBank) -> None:
    def rmsle_bank(target: str, floor: str, kind: str = "training") -> Path:
        bank_dir = training_bank(make_bank, target=target, floor=floor)
        spec = bank_dir / "tasks/t1/task.yaml"
        extra = f"metric: rmsle\nkind: {kind}\n"
        spec.write_text(spec.read_text(encoding="utf-8") + extra, encoding="utf-8")
        return bank_dir

    assert problems_of(rmsle_bank("0.16", "1.4")) == []
    assert problems_of(rmsle_bank("0.4", "0.16")) == [
        "tasks/t1/task.yaml:7: `floor` 0.16 must be above `target` 0.4: rmsle is lower-is-better"
    ]
    assert problems_of(rmsle_bank("0.16", "0.4", kind="model")) == [
        "tasks/t1/task.yaml:11: a training task's `kind` is `training`, got 'model'"
    ]
    bank, _ = load_banks([rmsle_bank("0.16", "0.4")], bundled=False)
    task = bank.tasks["t1"]
    assert isinstance(task, TrainingTask)
    assert task.score(0.4) == 0 and task.score(0.28) == pytest.approx(5) and task.score(0.1) == 10
    assert task.reaches(0.16) and not task.reaches(0.17)


def test_target_must_be_a_fraction(make_bank: MakeBank) -> None:
    assert problems_of(training_bank(make_bank, target="95")) == [
        "tasks/t1/task.yaml:6: `target` must be ≤ 1.0, got 95"
    ]


def test_unknown_required_module_is_named_with_a_suggestion(make_bank: MakeBank) -> None:
    assert problems_of(training_bank(make_bank, requires="Linear, Conv2D")) == [
        "tasks/t1/task.yaml:9: unknown module 'Conv2D' in `requires` (did you mean 'Conv2d'?)"
    ]


def test_a_training_task_still_needs_its_starter(make_bank: MakeBank) -> None:
    assert problems_of(training_bank(make_bank, skip=("starter.py",))) == [
        "tasks/t1/task.yaml:1: task folder 't1' is missing starter.py"
    ]


def test_score_is_linear_between_floor_and_target(make_bank: MakeBank) -> None:
    bank, _ = load_banks([training_bank(make_bank)], bundled=False)
    task = bank.tasks["t1"]
    assert isinstance(task, TrainingTask)
    assert [task.score(m) for m in (0.3, 0.5, 0.7, 0.9, 1.0)] == pytest.approx([0, 0, 5, 10, 10])


def test_every_known_module_exists_in_torch_nn() -> None:
    from torch import nn

    assert [name for name in NN_MODULES if not isinstance(getattr(nn, name, None), type)] == []


SHAPES = {
    "train-digits-dnn": ((1437, 64), (360, 64), 10),
    "train-digits-cnn": ((1437, 1, 8, 8), (360, 1, 8, 8), 10),
    "train-cancer-binary": ((455, 30), (114, 30), 2),
    "train-sequence-lstm": ((2000, 20), (500, 20), 2),
}


@pytest.mark.parametrize("task_id", SHAPES)
def test_bundled_training_data_keeps_test_labels_apart(task_id: str) -> None:
    bank, problems = load_banks([])
    assert problems == []
    task = bank.tasks[task_id]
    assert isinstance(task, TrainingTask)
    train_shape, test_shape, classes = SHAPES[task_id]
    with np.load(task.folder / task.data) as data:
        assert sorted(data.files) == ["x_test", "x_train", "y_train"]
        assert data["x_train"].shape == train_shape and data["x_test"].shape == test_shape
        assert data["y_train"].dtype == np.int64 and set(data["y_train"]) == set(range(classes))
    with np.load(task.folder / task.answers) as answers:
        assert answers.files == ["y_test"] and len(answers["y_test"]) == test_shape[0]
    assert (task.folder / "DATA.md").is_file() and (task.folder / "make_data.py").is_file()


def test_bank_verify_leaves_training_tasks_out() -> None:
    run = quizapp("bank", "verify", "train-digits-dnn")
    assert run.code == 2 and "Traceback" not in run.err
    assert "'train-digits-dnn' is a training task: it has no hidden tests to verify" in run.err

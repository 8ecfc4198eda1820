"""Passes that a hostile submission could forge on main, each now failing (both backends).

The facts a verdict rests on (a module's type, which parameters are trainable, which got a
gradient, how many parameters a model has, which layers it holds) are read with references
captured before the submission ran, never through methods or names the submission can
replace, and cross-checked by behaviour (the head's outputs are a Linear's).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from grader import Grader
from grader.workers.backends import linux_missing
from question_bank import Bank, TrainingTask

HERE = Path(__file__).parent / "training_submissions"

# Nothing is frozen; the features' parameters()/named_parameters() hand out detached copies
# (requires_grad False, never a gradient), which is all the hidden tests used to ask.
HIDDEN_PARAMETERS = """
from torch import nn


def prepare_for_transfer(model, num_classes):
    model.classifier = nn.Linear(model.classifier.in_features, num_classes)
    features = model.features
    real = type(features).named_parameters

    def named_parameters(*args, **kwargs):
        return ((name, param.detach()) for name, param in real(features, *args, **kwargs))

    features.named_parameters = named_parameters
    features.parameters = lambda *a, **k: (param for _name, param in named_parameters())
    return model
"""

# A head that always outputs zeros, named so that it reads as nn.Linear.
IMPOSTOR_HEAD = """
import torch
from torch import nn


class Head(nn.Module):
    __module__ = "torch.nn.modules.linear"
    __qualname__ = "Linear"

    def __init__(self, in_features, out_features):
        super().__init__()
        self.in_features, self.out_features = in_features, out_features
        self.weight = nn.Parameter(torch.zeros(out_features, in_features))
        self.bias = nn.Parameter(torch.zeros(out_features))

    def forward(self, x):
        return torch.zeros(x.shape[0], self.out_features) * self.weight.sum() + self.bias


def prepare_for_transfer(model, num_classes):
    for param in model.features.parameters():
        param.requires_grad = False
    model.classifier = Head(model.classifier.in_features, num_classes)
    return model
"""


@pytest.mark.parametrize(
    ("source", "failing"),
    [
        (HIDDEN_PARAMETERS, "every parameter of model.features is frozen"),
        (IMPOSTOR_HEAD, "is a new nn.Linear"),
    ],
    ids=["parameters() replaced", "head named nn.Linear"],
)
def test_a_forged_transfer_freeze_fails(
    any_grader: Grader, bank: Bank, source: str, failing: str
) -> None:
    result = any_grader.grade(bank.tasks["transfer-freeze"], source, timeout=180)
    assert not result.passed and result.error is None, result.error
    failed = [c.name for c in result.checks if not c.passed]
    assert any(failing in name for name in failed), failed


def test_an_impostor_reads_as_what_it_is() -> None:
    from torch import nn

    from grader.inside.plain import genuine, type_name

    impostor = type("Linear", (nn.Module,), {"__module__": "torch.nn.modules.linear"})
    assert type_name(nn.Linear(2, 3)) == "torch.nn.Linear"
    assert type_name(impostor()) == "Linear (not torch.nn.Linear)"
    assert genuine(nn.Linear) and not genuine(impostor)
    assert type_name(None) == "NoneType" and type_name(len) == "builtin_function_or_method"
    assert type_name(nn.Linear(2, 3).weight) == "torch.nn.parameter.Parameter"


# A Conv2d where the task forbids it, hidden from modules(); 1 parameter on the leaderboard.
HIDDEN_CONV = """
import torch
from torch import nn


class Net(nn.Sequential):
    def modules(self):
        return iter([m for m in super().modules() if not isinstance(m, nn.Conv2d)])

    def parameters(self, recurse=True):
        return iter([next(super().parameters())])


def build_model():
    return Net(
        nn.Unflatten(1, (1, 8, 8)), nn.Conv2d(1, 8, 3), nn.Flatten(), nn.Linear(8 * 6 * 6, 10)
    )


def train(model, x, y):
    pass
"""


def test_a_training_model_cannot_hide_a_layer_or_its_parameters(
    any_grader: Grader, bank: Bank
) -> None:
    task = bank.tasks["train-digits-dnn"]
    assert isinstance(task, TrainingTask)
    result = any_grader.grade(task, HIDDEN_CONV, timeout=300)
    assert not result.passed and result.score == 0
    failed = [c.message_in("en") for c in result.checks if not c.passed]
    assert any("uses nn.Conv2d" in m for m in failed), failed
    assert result.training is not None
    assert result.training.parameters == 8 * 9 + 8 + 8 * 6 * 6 * 10 + 10


# -- a training run's CPU time is measured from outside ------------------------------------

GOOD_TRAINING = (HERE / "cancer_good_two_logits.py").read_text(encoding="utf-8")

# Burns 3 s of CPU in train(), then makes the grader's own clock in its process say 0.
PATCHED_CLOCK = (
    GOOD_TRAINING
    + """
import os
import sys
import time

_good_train = train


def train(model, x, y):
    _good_train(model, x, y)
    end = time.process_time() + 3
    while time.process_time() < end:
        pass
    clock = sys.modules["grader.inside.training_child"]
    clock._clock_start[0] = 10.0**9
    clock.cpu_seconds = lambda: 0.0
    os.times = lambda: os.times_result((0.0, 0.0, 0.0, 0.0, 0.0))
"""
)

# The 3 s of CPU are spent by a double-forked grandchild, whose time no wait() brings back.
GRANDCHILD = (
    GOOD_TRAINING
    + """
import os
import time

_good_train = train


def train(model, x, y):
    _good_train(model, x, y)
    r, w = os.pipe()
    if os.fork() == 0:
        if os.fork() == 0:
            end = time.process_time() + 3
            while time.process_time() < end:
                pass
            os.write(w, b"x")
            time.sleep(60)
        os._exit(0)
    os.wait()
    os.read(r, 1)
"""
)


def test_a_patched_clock_does_not_hide_training_time(any_grader: Grader, bank: Bank) -> None:
    """Finding: patching the CPU clock reported 31 s of training as 0.0 s."""
    result = any_grader.grade(bank.tasks["train-cancer-binary"], PATCHED_CLOCK, timeout=300)
    assert result.training is not None, result.error
    assert result.training.cpu_s >= 2.5, result.training


@pytest.mark.skipif(linux_missing() is not None, reason=str(linux_missing()))
def test_cpu_of_double_forked_grandchildren_counts(grader: Grader, bank: Bank) -> None:
    """Finding: 52 s of CPU in double-forked grandchildren was reported as 0.06 s. Linux
    backend only: there every orphan comes back to the zygote (a subreaper), while a portable
    worker's double-forked grandchild leaves its tree for init (see docs/hidden-tests.md)."""
    result = grader.grade(bank.tasks["train-cancer-binary"], GRANDCHILD, timeout=300)
    assert result.training is not None, result.error
    assert result.training.cpu_s >= 2.5, result.training

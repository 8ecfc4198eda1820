"""The generic "values differ" detector: each named hypothesis is found from the two outputs,
and nothing is said when no hypothesis explains every differing output, when a check raised,
or when the outputs agree."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from grader.verdict.judge import Reference
from grader.verdict.outcome import Outcome
from grader.verdict.values_cause import HYPOTHESES, values_cause

RNG = np.random.default_rng(7)
LOGITS = RNG.normal(size=(4, 3)).astype(np.float32)  # (N, C)
SEQ = RNG.normal(size=(2, 5, 3)).astype(np.float32)  # (N, T, C)


def _tensor(array: Any, dtype: str = "torch.float32") -> dict[str, Any]:
    a = np.asarray(array, dtype=np.float32)
    return {"$tensor": {"shape": list(a.shape), "dtype": dtype, "values": a.tolist()}}


def _obs(value: dict[str, Any]) -> dict[str, Any]:
    return {"label": "model(x)", "value": value, "how": "tensor", "atol": 1e-5, "rtol": 1e-4}


def _run(ref: Any, got: Any, *, error: str | None = None) -> list[str]:
    reference = Reference(
        checks=[{"name": "outputs", "points": 1.0, "observations": [_obs(_tensor(ref))]}],
        exports={},
    )
    check = {"name": "outputs", "observations": [_obs(_tensor(got))], "error": error}
    if error is not None:
        check["observations"] = []
    outcome = Outcome(mode="grade", time_limit_s=10, memory_mb=1024, ready=True, checks=[check])
    outcome.done = {"type": "done", "stopped_by": None, "fatal": None}
    outcome.ended = {"reason": None, "exit_code": 0, "signal": None, "leftovers": 0}
    return [d.id for d in values_cause(reference, outcome)]


def _softmax(x: Any, dim: int) -> Any:
    e = np.exp(x - x.max(axis=dim, keepdims=True))
    return e / e.sum(axis=dim, keepdims=True)


def _sigmoid(x: Any) -> Any:
    return 1 / (1 + np.exp(-x))


@pytest.mark.parametrize(
    ("ref", "got", "expected"),
    [
        (LOGITS, _softmax(LOGITS, 0), "softmax-wrong-dim"),
        (SEQ, _softmax(SEQ, 1), "softmax-wrong-dim"),
        (LOGITS, np.log(_softmax(LOGITS, 0)), "log-softmax-wrong-dim"),
        (LOGITS, _softmax(LOGITS, 1), "extra-softmax"),
        (SEQ, np.log(_softmax(SEQ, 2)), "extra-log-softmax"),
        (LOGITS, np.maximum(LOGITS, 0), "extra-relu"),
        (LOGITS, _sigmoid(LOGITS), "extra-sigmoid"),
        (LOGITS, np.tanh(LOGITS), "extra-tanh"),
        (_softmax(LOGITS, 1), LOGITS, "missing-softmax"),
        (_sigmoid(LOGITS[:, :1]), LOGITS[:, :1], "missing-sigmoid"),
        (SEQ, SEQ.swapaxes(0, 1), "transposed-batch-time"),
    ],
)
def test_each_hypothesis_is_named_from_the_two_outputs(ref: Any, got: Any, expected: str) -> None:
    assert _run(ref, got) == [expected]


def test_every_hypothesis_has_both_languages_and_a_page() -> None:
    assert len({h.id for h in HYPOTHESES}) == len(HYPOTHESES)
    for hypothesis in HYPOTHESES:
        assert "(p." in hypothesis.en and "(p." in hypothesis.ko, hypothesis.id


def test_outputs_no_hypothesis_explains_get_nothing() -> None:
    assert _run(LOGITS, LOGITS * 2) == []  # e.g. a doubled last layer
    assert _run(LOGITS, LOGITS + 0.5) == []
    assert _run(LOGITS, np.maximum(LOGITS, 0) + 1e-2) == []  # near, not within tolerance


def test_equal_outputs_and_raised_checks_get_nothing() -> None:
    assert _run(LOGITS, LOGITS) == []
    assert _run(LOGITS, LOGITS, error="RuntimeError: boom") == []


def test_the_hypothesis_must_explain_every_differing_output() -> None:
    reference = Reference(
        checks=[
            {"name": "a", "points": 1.0, "observations": [_obs(_tensor(LOGITS))]},
            {"name": "b", "points": 1.0, "observations": [_obs(_tensor(LOGITS * 3))]},
        ],
        exports={},
    )
    checks = [
        {"name": "a", "observations": [_obs(_tensor(np.tanh(LOGITS)))], "error": None},
        {"name": "b", "observations": [_obs(_tensor(LOGITS * 3 + 1))], "error": None},
    ]
    outcome = Outcome(mode="grade", time_limit_s=10, memory_mb=1024, ready=True, checks=checks)
    outcome.done = {"type": "done", "stopped_by": None, "fatal": None}
    outcome.ended = {"reason": None, "exit_code": 0, "signal": None, "leftovers": 0}
    assert values_cause(reference, outcome) == []


def test_integer_outputs_and_non_finite_values_are_not_guessed_at() -> None:
    ints = {"$tensor": {"shape": [2], "dtype": "torch.int64", "values": [0, 1]}}
    reference = Reference(
        checks=[{"name": "c", "points": 1.0, "observations": [_obs(ints)]}], exports={}
    )
    got = {"$tensor": {"shape": [2], "dtype": "torch.int64", "values": [1, 1]}}
    outcome = Outcome(
        mode="grade",
        time_limit_s=10,
        memory_mb=1024,
        ready=True,
        checks=[{"name": "c", "observations": [_obs(got)], "error": None}],
    )
    outcome.done = {"type": "done", "stopped_by": None, "fatal": None}
    outcome.ended = {"reason": None, "exit_code": 0, "signal": None, "leftovers": 0}
    assert values_cause(reference, outcome) == []
    assert _run([[math.inf, 0.0]], [[1.0, 0.5]]) == []

"""A failing comparison never prints two equal-looking numbers: more digits when they would."""

from __future__ import annotations

import torch

from grader.compare import compare
from grader.plain import encode


def _close(ref: float, got: float, atol: float) -> dict[str, str] | None:
    ref_obs = {"label": "accuracy", "how": "close", "value": ref, "atol": atol, "rtol": 0.0}
    return compare(ref_obs, {"label": "accuracy", "value": got})


def test_close_floats_that_would_read_the_same_get_more_digits() -> None:
    message = _close(0.6, 0.6000000238418579, atol=1e-9)
    assert message is not None
    assert "expected accuracy 0.6, got 0.600000024" in message["en"]


def test_float32_arithmetic_within_the_tolerance_passes() -> None:
    assert _close(0.6, 0.6000000238418579, atol=1e-6) is None


def test_tensor_values_that_would_read_the_same_get_more_digits() -> None:
    ref = encode(torch.tensor([1.0, 0.5], dtype=torch.float64))
    got = encode(torch.tensor([1.0, 0.5 + 1e-10], dtype=torch.float64))
    ref_obs = {"label": "output", "how": "tensor", "value": ref, "atol": 0.0, "rtol": 0.0}
    message = compare(ref_obs, {"label": "output", "value": got})
    assert message is not None
    assert "expected 0.5, got 0.5000000001" in message["en"]

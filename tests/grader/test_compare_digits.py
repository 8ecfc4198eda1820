"""A failing comparison never prints two equal-looking numbers: more digits when they would."""

from __future__ import annotations

import torch

from grader.inside.plain import encode
from grader.verdict.compare import compare


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


def _exact(ref: object, got: object) -> dict[str, str] | None:
    ref_obs = {"label": "result", "how": "exact", "value": encode(ref)}
    return compare(ref_obs, {"label": "result", "value": encode(got)})


def test_lists_of_floats_that_would_read_the_same_get_more_digits() -> None:
    ref_obs = {"label": "gradient", "how": "close", "value": [1.0, 123456.7], "atol": 0.0}
    ref_obs["rtol"] = 1e-6
    message = compare(ref_obs, {"label": "gradient", "value": [1.0, 123456.9]})
    assert message is not None
    assert "expected gradient […, 123456.7], got […, 123456.9]" in message["en"]


def test_a_tuple_of_floats_in_an_exact_observation_never_reads_the_same() -> None:
    message = _exact((0.3, 2), (0.1 + 0.2, 2))
    assert message is not None
    assert "expected result (0.3, …), got (0.30000000000000004, …)" in message["en"]


def test_long_lists_that_differ_past_the_listed_items_show_the_difference() -> None:
    message = _exact(list(range(12)), [*range(11), 99])
    assert message is not None
    assert "expected result […, 11], got […, 99]" in message["en"]

"""The metrics of training tasks (shared spec training-tasks.md): how a metric is computed
from the predictions and the test labels, and which way is better.

``accuracy`` (higher is better) scores class numbers; ``rmsle`` — the root mean squared
error of log(1 + value), lower is better — scores positive values such as prices.
Plain Python: the judge runs in the app's process, which never imports torch.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

METRICS = ("accuracy", "rmsle")
LOWER_IS_BETTER = frozenset({"rmsle"})
REGRESSION = frozenset({"rmsle"})  # metrics of predicted values, not class numbers


def shown(name: str) -> str:
    """How a report writes the metric's name: ``accuracy``, ``RMSLE``."""
    return "RMSLE" if name == "rmsle" else name


def lower_is_better(name: str) -> bool:
    return name in LOWER_IS_BETTER


def reaches(name: str, value: float, target: float) -> bool:
    """Whether ``value`` of metric ``name`` reaches ``target`` (≥ or ≤ by the metric's direction)."""
    return value <= target if lower_is_better(name) else value >= target


def accuracy(predictions: Sequence[int], answers: Sequence[int]) -> float:
    return sum(int(p == a) for p, a in zip(predictions, answers, strict=True)) / len(answers)


def rmsle(predictions: Sequence[float], answers: Sequence[float]) -> float:
    """sqrt(mean((log(1 + p) − log(1 + a))²)); every prediction must be finite and > 0."""
    squares = [
        (math.log1p(p) - math.log1p(a)) ** 2 for p, a in zip(predictions, answers, strict=True)
    ]
    return math.sqrt(sum(squares) / len(squares))


def compute(name: str, predictions: Sequence[float], answers: Sequence[float]) -> float:
    if name == "rmsle":
        return rmsle(predictions, answers)
    return accuracy([int(p) for p in predictions], [int(a) for a in answers])


def bad_values(predictions: Sequence[float | None]) -> tuple[int, int, float | None]:
    """How many predictions are not finite, how many are ≤ 0, and the first such ≤ 0 value."""
    missing = sum(1 for p in predictions if p is None or not math.isfinite(p))
    low = [p for p in predictions if p is not None and math.isfinite(p) and p <= 0]
    return missing, len(low), (low[0] if low else None)

"""Hidden checks for tensor-max-position: (row, col) of the largest element, as Python ints."""

import torch

from grader.probe import Probe


def probe(p: Probe) -> None:
    max_position = p.function("max_position")
    cases = [
        ("3×4 float32", lambda: p.randn(3, 4)),
        ("1×1", lambda: p.randn(1, 1)),
        ("1 row, 6 columns", lambda: p.randn(1, 6)),
        ("5 rows, 1 column", lambda: p.randn(5, 1)),
        ("4×4 int64", lambda: torch.tensor(p.permutation(16)).reshape(4, 4) - 8),
        ("3×7, all negative", lambda: -p.rand(3, 7) - 1),
        ("6×5 float64", lambda: p.randn(6, 5, dtype=torch.float64)),
    ]
    for name, make in cases:
        with p.check(f"(row, col) values, {name}"):
            result = max_position(make())
            p.types("result type", result)
            p.observe("(row, col) values", result)

"""Hidden checks for tensor-max-position: (row, col) of the largest element, as Python ints."""

import torch

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    max_position = p.function("max_position")
    cases = [
        ("3×4 float32", "3×4 float32", lambda: p.randn(3, 4)),
        ("1×1", "1×1", lambda: p.randn(1, 1)),
        ("1 row, 6 columns", "1행 6열", lambda: p.randn(1, 6)),
        ("5 rows, 1 column", "5행 1열", lambda: p.randn(5, 1)),
        ("4×4 int64", "4×4 int64", lambda: torch.tensor(p.permutation(16)).reshape(4, 4) - 8),
        ("3×7, all negative", "3×7, 모두 음수", lambda: -p.rand(3, 7) - 1),
        ("6×5 float64", "6×5 float64", lambda: p.randn(6, 5, dtype=torch.float64)),
    ]
    for name, name_ko, make in cases:
        with p.check(tr(f"(row, col) values, {name}", f"(row, col) 값 ({name_ko})")):
            result = max_position(make())
            p.types(tr("result type", "결과의 타입"), result)
            p.observe(tr("(row, col) values", "(row, col) 값"), result)

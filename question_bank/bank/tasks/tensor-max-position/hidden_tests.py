"""Hidden checks for tensor-max-position: (row, col) of the largest element, as Python ints.

No input has two largest elements, as the prompt promises: which one a tie gives is not specified.
"""

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
        (
            "3×5, non-contiguous (a transposed tensor)",
            "3×5, 메모리가 연속적이지 않음 (전치된 텐서)",
            lambda: p.randn(5, 3).t(),
        ),
        ("2×4, requires grad", "2×4, requires_grad=True", lambda: p.randn(2, 4).requires_grad_()),
        (
            "3×3 uint8",
            "3×3 uint8",
            lambda: torch.tensor(p.permutation(9), dtype=torch.uint8).reshape(3, 3),
        ),
    ]
    for name, name_ko, make in cases:
        with p.check(tr(f"(row, col) values, {name}", f"(row, col) 값 ({name_ko})")):
            result = max_position(make())
            p.types(tr("result type", "결과의 타입"), result)
            p.observe(tr("(row, col) values", "(row, col) 값"), result)
    p.contract_checks(max_position)  # every input class of task.yaml's contract

"""Hidden checks for tensor-standardize: (x - column mean) / column std (correction 1), x untouched."""

import torch

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    standardize = p.function("standardize")
    cases = [
        ("8×3, mean 2, spread 5", "8×3, 평균 2, 표준편차 약 5", lambda: p.randn(8, 3) * 5 + 2),
        ("2 rows (the smallest N)", "2행 (가장 작은 N)", lambda: p.randn(2, 4)),
        ("6×2 float64", "6×2 float64", lambda: p.randn(6, 2, dtype=torch.float64)),
        ("5×1, a single column", "5×1, 열 하나", lambda: p.randn(5, 1) * 3),
        ("10×3, large offset", "10×3, 큰 평균 (약 50)", lambda: p.randn(10, 3) + 50),
    ]
    more_cases = [
        (
            "4×6, non-contiguous (a transposed tensor)",
            "4×6, 메모리가 연속적이지 않음 (전치된 텐서)",
            lambda: (p.randn(6, 4) * 2).t(),
        ),
        ("5×3, requires grad", "5×3, requires_grad=True", lambda: p.randn(5, 3).requires_grad_()),
    ]
    for name, name_ko, make in cases:
        with p.check(tr(f"output values, {name}", f"출력 값 ({name_ko})"), points=2):
            p.tensor(tr("output", "출력"), standardize(make()), atol=1e-4, rtol=1e-4)
    for name, name_ko, make in more_cases:
        with p.check(tr(f"output values, {name}", f"출력 값 ({name_ko})")):
            p.tensor(tr("output", "출력"), standardize(make()), atol=1e-4, rtol=1e-4)
    with p.check(tr("input x is not modified", "입력 x가 바뀌지 않음"), points=2):
        x = p.randn(7, 3) * 2 + 1
        standardize(x)
        p.unchanged(tr("input x after the call", "호출 뒤의 입력 x"), x)
    p.contract_checks(standardize)  # every input class of task.yaml's contract

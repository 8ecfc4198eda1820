"""Hidden checks for tensor-standardize: (x - column mean) / column std (correction 1), x untouched."""

import torch

from grader.probe import Probe


def probe(p: Probe) -> None:
    standardize = p.function("standardize")
    cases = [
        ("8×3, mean 2, spread 5", lambda: p.randn(8, 3) * 5 + 2),
        ("2 rows (the smallest N)", lambda: p.randn(2, 4)),
        ("6×2 float64", lambda: p.randn(6, 2, dtype=torch.float64)),
        ("5×1, a single column", lambda: p.randn(5, 1) * 3),
        ("10×3, large offset", lambda: p.randn(10, 3) + 50),
    ]
    for name, make in cases:
        with p.check(f"output values, {name}", points=2):
            p.tensor("output", standardize(make()), atol=1e-4, rtol=1e-4)
    with p.check("input x is not modified", points=2):
        x = p.randn(7, 3) * 2 + 1
        standardize(x)
        p.unchanged("input x after the call", x)

"""Hidden checks for tensor-argmax: predict_classes(logits) == logits.argmax(dim=1), int64 (N,)."""

import torch

from grader.probe import Probe


def probe(p: Probe) -> None:
    predict_classes = p.function("predict_classes")
    cases = [
        ("8 rows, 10 classes", lambda: p.randn(8, 10)),
        ("1 row, 5 classes", lambda: p.randn(1, 5)),
        ("6 rows, 1 class", lambda: p.randn(6, 1)),
        ("5 rows, 3 classes, all negative", lambda: -p.rand(5, 3) - 1),
        ("4 rows, 7 classes, float64", lambda: p.randn(4, 7, dtype=torch.float64)),
    ]
    for name, make in cases:
        with p.check(f"output shape, {name}"):
            p.shape("output shape", predict_classes(make()))
        with p.check(f"values and dtype, {name}", points=2):
            p.tensor("output", predict_classes(make()), atol=0, rtol=0)

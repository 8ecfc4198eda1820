"""Hidden checks for tensor-argmax: predict_classes(logits) == logits.argmax(dim=1), int64 (N,).

Random logits never tie, as the prompt promises: which index a tie gives is not specified.
"""

import torch

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    predict_classes = p.function("predict_classes")
    cases = [
        ("8 rows, 10 classes", "8행, 클래스 10개", lambda: p.randn(8, 10)),
        ("1 row, 5 classes", "1행, 클래스 5개", lambda: p.randn(1, 5)),
        ("6 rows, 1 class", "6행, 클래스 1개", lambda: p.randn(6, 1)),
        (
            "5 rows, 3 classes, all negative",
            "5행, 클래스 3개, 모두 음수",
            lambda: -p.rand(5, 3) - 1,
        ),
        (
            "4 rows, 7 classes, float64",
            "4행, 클래스 7개, float64",
            lambda: p.randn(4, 7, dtype=torch.float64),
        ),
        (
            "6 rows, 4 classes, non-contiguous (a transposed tensor)",
            "6행, 클래스 4개, 메모리가 연속적이지 않음 (전치된 텐서)",
            lambda: p.randn(4, 6).t(),
        ),
        (
            "3 rows, 5 classes, requires grad (like a model's output)",
            "3행, 클래스 5개, requires_grad=True (모델의 출력처럼)",
            lambda: p.randn(3, 5).requires_grad_(),
        ),
    ]
    for name, name_ko, make in cases:
        with p.check(tr(f"output shape, {name}", f"출력 모양 ({name_ko})")):
            p.shape(tr("output shape", "출력 모양"), predict_classes(make()))
        with p.check(tr(f"values and dtype, {name}", f"값과 dtype ({name_ko})"), points=2):
            p.tensor(tr("output", "출력"), predict_classes(make()), atol=0, rtol=0)
    p.contract_checks(predict_classes)  # every input class of task.yaml's contract

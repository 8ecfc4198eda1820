"""Hidden checks for tensor-reshape: to_image_batch(x) == x.reshape(N, 1, 28, 28), x untouched."""

import torch

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    to_image_batch = p.function("to_image_batch")
    cases = [
        ("batch of 1, float32", "배치 1, float32", lambda: p.randn(1, 784)),
        ("batch of 5, float64", "배치 5, float64", lambda: p.randn(5, 784, dtype=torch.float64)),
        ("batch of 3, int64", "배치 3, int64", lambda: p.randint(0, 256, 3, 784)),
        (
            "batch of 4, uint8",
            "배치 4, uint8",
            lambda: p.randint(0, 256, 4, 784, dtype=torch.uint8),
        ),
        ("batch of 2, bool", "배치 2, bool", lambda: p.randint(0, 2, 2, 784) > 0),
        ("batch of 2, float16", "배치 2, float16", lambda: p.randn(2, 784).half()),
    ]
    for name, name_ko, make in cases:
        with p.check(tr(f"output shape, {name}", f"출력 모양 ({name_ko})")):
            p.shape(tr("output shape", "출력 모양"), to_image_batch(make()))
        with p.check(tr(f"values and dtype, {name}", f"값과 dtype ({name_ko})"), points=2):
            p.tensor(tr("output", "출력"), to_image_batch(make()), atol=0, rtol=0)
    with p.check(tr("input x is not modified", "입력 x가 바뀌지 않음"), points=2):
        x = p.randn(6, 784)
        to_image_batch(x)
        p.unchanged(tr("input x after the call", "호출 뒤의 입력 x"), x)
    with p.check(
        tr(
            "non-contiguous input (a transposed tensor)",
            "메모리가 연속적이지 않은 입력 (전치된 텐서)",
        ),
        points=2,
    ):
        x = p.randn(784, 3).t()
        p.tensor(tr("output", "출력"), to_image_batch(x), atol=0, rtol=0)
    with p.check(
        tr(
            "non-contiguous input (every other column of a wider tensor)",
            "메모리가 연속적이지 않은 입력 (더 넓은 텐서의 한 열 건너 하나씩)",
        )
    ):
        x = p.randint(0, 256, 2, 1568)[:, ::2]
        p.tensor(tr("output", "출력"), to_image_batch(x), atol=0, rtol=0)
    with p.check(tr("an input that requires grad", "requires_grad=True인 입력")):
        x = p.randn(2, 784).requires_grad_()
        p.tensor(tr("output", "출력"), to_image_batch(x), atol=0, rtol=0)
    p.contract_checks(to_image_batch)  # every input class of task.yaml's contract

"""Hidden checks for tensor-reshape: to_image_batch(x) == x.reshape(N, 1, 28, 28), x untouched."""

import torch

from grader.probe import Probe


def probe(p: Probe) -> None:
    to_image_batch = p.function("to_image_batch")
    cases = [
        ("batch of 1, float32", lambda: p.randn(1, 784)),
        ("batch of 5, float64", lambda: p.randn(5, 784, dtype=torch.float64)),
        ("batch of 3, int64", lambda: p.randint(0, 256, 3, 784)),
        ("batch of 4, uint8", lambda: p.randint(0, 256, 4, 784, dtype=torch.uint8)),
    ]
    for name, make in cases:
        with p.check(f"output shape, {name}"):
            p.shape("output shape", to_image_batch(make()))
        with p.check(f"values and dtype, {name}", points=2):
            p.tensor("output", to_image_batch(make()), atol=0, rtol=0)
    with p.check("input x is not modified", points=2):
        x = p.randn(6, 784)
        to_image_batch(x)
        p.unchanged("input x after the call", x)
    with p.check("non-contiguous input (a transposed tensor)", points=2):
        x = p.randn(784, 3).t()
        p.tensor("output", to_image_batch(x), atol=0, rtol=0)

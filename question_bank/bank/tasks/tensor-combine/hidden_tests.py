"""Hidden checks for tensor-combine: (torch.cat([a, b], 0), torch.stack([a, b], 0))."""

from grader.probe import Probe


def probe(p: Probe) -> None:
    combine = p.function("combine")
    cases = [
        ("a, b of shape (2, 3)", lambda: (p.randn(2, 3), p.randn(2, 3))),
        ("a, b of shape (1, 1)", lambda: (p.randn(1, 1), p.randn(1, 1))),
        ("int64 a, b of shape (4, 2)", lambda: (p.randint(0, 9, 4, 2), p.randint(0, 9, 4, 2))),
        ("a, b of shape (3, 5)", lambda: (p.randn(3, 5), p.randn(3, 5))),
    ]
    for name, make in cases:
        with p.check(f"returns a tuple of two tensors, {name}"):
            p.types("result type", combine(*make()))
        with p.check(f"first tensor: torch.cat along dim 0, {name}", points=2):
            first = p.unpack(combine(*make()), 2, "the result")[0]
            p.tensor("first tensor (cat)", first, atol=0, rtol=0)
        with p.check(f"second tensor: torch.stack along a new dim 0, {name}", points=2):
            second = p.unpack(combine(*make()), 2, "the result")[1]
            p.tensor("second tensor (stack)", second, atol=0, rtol=0)

"""Hidden checks for tensor-combine: (torch.cat([a, b], 0), torch.stack([a, b], 0))."""

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    combine = p.function("combine")
    cases = [
        ("a, b of shape (2, 3)", "모양 (2, 3)의 a, b", lambda: (p.randn(2, 3), p.randn(2, 3))),
        ("a, b of shape (1, 1)", "모양 (1, 1)의 a, b", lambda: (p.randn(1, 1), p.randn(1, 1))),
        (
            "int64 a, b of shape (4, 2)",
            "모양 (4, 2)의 int64 a, b",
            lambda: (p.randint(0, 9, 4, 2), p.randint(0, 9, 4, 2)),
        ),
        ("a, b of shape (3, 5)", "모양 (3, 5)의 a, b", lambda: (p.randn(3, 5), p.randn(3, 5))),
        (
            "non-contiguous a, b of shape (2, 4) (transposed tensors)",
            "메모리가 연속적이지 않은 모양 (2, 4)의 a, b (전치된 텐서)",
            lambda: (p.randn(4, 2).t(), p.randn(4, 2).t()),
        ),
        (
            "a, b of shape (3, 2) that require grad",
            "requires_grad=True인 모양 (3, 2)의 a, b",
            lambda: (p.randn(3, 2).requires_grad_(), p.randn(3, 2).requires_grad_()),
        ),
    ]
    for name, name_ko, make in cases:
        with p.check(
            tr(f"returns a tuple of two tensors, {name}", f"텐서 두 개의 튜플을 반환함 ({name_ko})")
        ):
            p.types(tr("result type", "결과의 타입"), combine(*make()))
        with p.check(
            tr(
                f"first tensor: torch.cat along dim 0, {name}",
                f"첫 번째 텐서: dim 0을 따라 torch.cat ({name_ko})",
            ),
            points=2,
        ):
            first = p.unpack(combine(*make()), 2, tr("the result", "결과"))[0]
            p.tensor(tr("first tensor (cat)", "첫 번째 텐서 (cat)"), first, atol=0, rtol=0)
        with p.check(
            tr(
                f"second tensor: torch.stack along a new dim 0, {name}",
                f"두 번째 텐서: 새 dim 0을 따라 torch.stack ({name_ko})",
            ),
            points=2,
        ):
            second = p.unpack(combine(*make()), 2, tr("the result", "결과"))[1]
            p.tensor(tr("second tensor (stack)", "두 번째 텐서 (stack)"), second, atol=0, rtol=0)
    p.contract_checks(combine)  # every input class of task.yaml's contract

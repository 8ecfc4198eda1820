"""Hidden checks for batch-split: ⌈N / B⌉ batches in order, the last one holding the rest."""

import math
from typing import Any

import torch

from grader.probe import Probe
from grader.text import tr


def _batches(p: Probe, result: Any, count: int) -> None:
    """The result's type and length, then the pairs of the first `count` batches; a missing
    batch is observed as None, so that a short list reads as such (not as an IndexError)."""
    p.kind(tr("type of the result", "반환값의 타입"), result)
    try:
        items = list(result)
    except TypeError:
        items = []
    p.observe(tr("number of batches", "배치 개수"), len(items))
    for i in range(count):
        pair = items[i] if i < len(items) else (None, None)
        xb, yb = p.unpack(pair, 2, tr(f"batch {i}", f"{i}번 배치"))
        p.tensor(tr(f"xb of batch {i}", f"{i}번 배치의 xb"), xb, atol=0, rtol=0)
        p.tensor(tr(f"yb of batch {i}", f"{i}번 배치의 yb"), yb, atol=0, rtol=0)


def probe(p: Probe) -> None:
    split_batches = p.function("split_batches")
    cases = [
        ("N=10, batch 3: the last batch holds 1", "N=10, 배치 3: 마지막 배치는 1개", 10, 3, (4,)),
        ("N=8, batch 4: no remainder", "N=8, 배치 4: 나머지 없음", 8, 4, (3,)),
        ("N=7, batch 5", "N=7, 배치 5", 7, 5, (2,)),
        ("batch size larger than N", "배치 크기가 N보다 큼", 3, 8, (2,)),
        ("batch size 1", "배치 크기 1", 4, 1, (3,)),
        ("N=1", "N=1", 1, 2, (5,)),
        ("images (N, 1, 4, 4)", "이미지 (N, 1, 4, 4)", 5, 2, (1, 4, 4)),
    ]
    for name, name_ko, n, size, features in cases:
        with p.check(
            tr(f"batches, values and order: {name}", f"배치, 값, 순서: {name_ko}"), points=2
        ):
            x = p.randn(n, *features)
            y = p.randint(0, 3, n)
            _batches(p, split_batches(x, y, size), math.ceil(n / size))
    with p.check(
        tr(
            "dtypes kept: int64 features, float32 targets",
            "dtype 유지: int64 특성, float32 타깃",
        )
    ):
        x = p.randint(0, 100, 6, 3)
        y = p.randn(6)
        _batches(p, split_batches(x, y, 4), 2)
    with p.check(
        tr(
            "a non-contiguous x (a transposed tensor), arguments by keyword",
            "메모리가 연속적이지 않은 x (전치된 텐서), 인자를 키워드로 전달",
        )
    ):
        x = p.randn(3, 7).t()
        y = p.randint(0, 2, 7)
        _batches(p, split_batches(x=x, y=y, batch_size=3), 3)
    with p.check(
        tr(
            "every sample once: the batches put together give x and y back",
            "모든 샘플이 한 번씩: 배치를 이어 붙이면 x와 y가 그대로 나옴",
        ),
        points=2,
    ):
        x = p.randn(23, 2)
        y = torch.arange(23)
        result = split_batches(x, y, 6)
        pairs = [p.unpack(pair, 2, tr("a batch", "배치")) for pair in result]
        p.tensor(tr("the xb put together", "이어 붙인 xb"), torch.cat([xb for xb, _ in pairs]))
        p.tensor(
            tr("the yb put together", "이어 붙인 yb"),
            torch.cat([yb for _, yb in pairs]),
            atol=0,
            rtol=0,
        )
    with p.check(tr("x and y are not modified", "x와 y가 바뀌지 않음"), points=2):
        x = p.randn(9, 3)
        y = p.randint(0, 4, 9)
        split_batches(x, y, 4)
        p.unchanged(tr("x after the call", "호출 뒤의 x"), x)
        p.unchanged(tr("y after the call", "호출 뒤의 y"), y)
    p.contract_checks(split_batches)  # every input class of task.yaml's contract

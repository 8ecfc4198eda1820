"""Hidden checks for batch-collate-pad: (padded int64 (B, max L), lengths (B,), labels (B,))."""

from typing import Any

import torch
from torch.utils.data import DataLoader

from grader.probe import Probe
from grader.text import tr


def _sample(p: Probe, lengths: list[int], vocab: int = 50) -> list[tuple[torch.Tensor, int]]:
    labels = p.randint(0, 3, len(lengths)).tolist()
    return [(p.randint(1, vocab, n), int(label)) for n, label in zip(lengths, labels)]


def _outputs(p: Probe, result: Any) -> None:
    padded, lengths, labels = p.unpack(result, 3, tr("the result", "반환값"))
    p.tensor(tr("padded", "padded"), padded, atol=0, rtol=0)
    p.tensor(tr("lengths", "lengths"), lengths, atol=0, rtol=0)
    p.tensor(tr("labels", "labels"), labels, atol=0, rtol=0)


def probe(p: Probe) -> None:
    collate_pad = p.function("collate_pad")
    cases = [
        ("lengths 3, 1, 2", "길이 3, 1, 2", [3, 1, 2], {}),
        ("the longest sequence last", "가장 긴 시퀀스가 마지막", [2, 4, 1, 6], {}),
        ("every sequence of one length", "모든 시퀀스의 길이가 같음", [4, 4, 4], {}),
        ("a batch of one", "샘플 하나짜리 배치", [5], {}),
        ("sequences of one token", "토큰 하나짜리 시퀀스", [1, 1, 3, 1], {}),
        ("pad_id=99", "pad_id=99", [2, 5, 3], {"pad_id": 99}),
    ]
    for name, name_ko, lengths, options in cases:
        with p.check(
            tr(f"padded, lengths and labels: {name}", f"padded, lengths, labels: {name_ko}"),
            points=2,
        ):
            _outputs(p, collate_pad(_sample(p, lengths), **options))
    with p.check(tr("pad_id given by position", "pad_id를 위치 인자로 전달")):
        _outputs(p, collate_pad(_sample(p, [1, 3]), 7))
    with p.check(
        tr(
            "DataLoader(..., batch_size=3, collate_fn=collate_pad): every batch",
            "DataLoader(..., batch_size=3, collate_fn=collate_pad): 모든 배치",
        ),
        points=2,
    ):
        dataset = _sample(p, [4, 2, 7, 1, 3, 5, 2], vocab=1000)
        batches = list(DataLoader(dataset, batch_size=3, collate_fn=collate_pad))
        p.observe(tr("number of batches", "배치 개수"), len(batches))
        for i in range(3):
            _outputs(p, batches[i])
    with p.check(
        tr("the input sequences are not modified", "입력 시퀀스가 바뀌지 않음"), points=2
    ):
        batch = _sample(p, [3, 1, 4])
        collate_pad(batch, pad_id=5)
        for i, (tokens, _) in enumerate(batch):
            p.unchanged(tr(f"sequence {i} after the call", f"호출 뒤의 {i}번 시퀀스"), tokens)
    p.contract_checks(collate_pad)  # every input class of task.yaml's contract

"""Hidden checks for lstm-tagger: Embedding → bidirectional LSTM → Linear(2H, tags) at every step."""

import torch

from grader.probe import Probe
from grader.text import tr


def probe(p: Probe) -> None:
    SequenceTagger = p.cls("SequenceTagger")
    model = p.build(
        tr("SequenceTagger(40, 10, 16, 5) can be created", "모델 생성: SequenceTagger(40, 10, 16, 5)"),
        lambda: SequenceTagger(40, 10, 16, 5),
    )
    with p.check(
        tr("parameter count, SequenceTagger(40, 10, 16, 5)", "파라미터 수 (SequenceTagger(40, 10, 16, 5))"),
        points=2,
    ):
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(model), fmt="count")
    for batch, length in ((1, 6), (3, 4), (2, 1)):
        with p.check(
            tr(f"output shape, batch {batch}, length {length}", f"출력 모양 (배치 {batch}, 길이 {length})")
        ):
            model.eval()
            p.shape(tr("output shape", "출력 모양"), model(p.randint(0, 40, batch, length)))
    with p.check(
        tr(
            "output values (logits at every step) with the reference's weights",
            "모범 답안과 같은 가중치로 계산한 출력 값 (모든 시점의 로짓)",
        ),
        points=3,
    ):
        p.load_weights(model, "tagger")
        model.eval()
        p.tensor(tr("output", "출력"), model(p.randint(0, 40, 3, 7)))
    with p.check(tr("gradients reach every parameter", "모든 파라미터에 기울기가 전달됨"), points=2):
        model.train()
        p.gradients(model, "tagger", lambda: model(p.randint(0, 40, 2, 5)).pow(2).mean())

    with p.check(
        tr(
            "token id 0 is an ordinary token: its embedding row gets a gradient too",
            "토큰 id 0도 보통 토큰임: 그 임베딩 행도 기울기를 받음",
        )
    ):
        model.train()
        ids = torch.tensor([[0, 3, 0, 7, 1], [2, 0, 5, 0, 9]])
        p.gradients(model, "tagger", lambda: model(ids).pow(2).mean())

    other = p.build(
        tr("SequenceTagger(25, 6, 8, 3) can be created", "모델 생성: SequenceTagger(25, 6, 8, 3)"),
        lambda: SequenceTagger(25, 6, 8, 3),
    )
    with p.check(
        tr(
            "SequenceTagger(25, 6, 8, 3): parameter count and output values",
            "SequenceTagger(25, 6, 8, 3): 파라미터 수와 출력 값",
        ),
        points=2,
    ):
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(other), fmt="count")
        p.load_weights(other, "small")
        other.eval()
        p.tensor(tr("output", "출력"), other(p.randint(0, 25, 2, 6)))

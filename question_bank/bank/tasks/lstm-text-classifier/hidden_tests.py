"""Hidden checks for lstm-text-classifier: Embedding(padding_idx) → LSTM → Linear on h_n[-1]."""

import torch

from grader.probe import Probe
from grader.text import tr


def _tokens(p: Probe, batch: int, length: int, vocab: int, pad: int) -> torch.Tensor:
    """Token ids without `pad`, then the last positions of some rows replaced by `pad`."""
    ids = p.randint(0, vocab - 1, batch, length)
    ids = ids + (ids >= pad).long()  # skip the pad id
    for row in range(1, batch, 2):
        ids[row, length - row % length :] = pad
    return ids


def probe(p: Probe) -> None:
    TextClassifier = p.cls("TextClassifier")
    model = p.build(
        tr(
            "TextClassifier(50, 12, 20, 4) can be created",
            "모델 생성: TextClassifier(50, 12, 20, 4)",
        ),
        lambda: TextClassifier(50, 12, 20, 4),
    )
    with p.check(
        tr(
            "parameter count, TextClassifier(50, 12, 20, 4)",
            "파라미터 수 (TextClassifier(50, 12, 20, 4))",
        ),
        points=2,
    ):
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(model), fmt="count")
    with p.check(
        tr(
            "the embedding's padding row is zero in the model as built (pad_idx 0 and 2)",
            "만든 모델의 임베딩에서 패딩 행이 0임 (pad_idx 0과 2)",
        ),
        points=2,
    ):
        with p.seeded(6):
            fresh = TextClassifier(30, 8, 10, 3, pad_idx=2)
        for built, pad in ((model, 0), (fresh, 2)):
            rows = [  # whether each row is zero: the same every run, so a diagnosis can match it
                bool((m.weight.detach()[pad] == 0).all())
                for m in built.modules()
                if isinstance(m, torch.nn.Embedding) and m.num_embeddings > pad
            ]
            p.observe(tr(f"padding row {pad} is all zeros, per nn.Embedding", f"nn.Embedding마다 패딩 행 {pad}이 모두 0인지"), rows)
    for batch, length in ((1, 7), (5, 3), (3, 1)):
        with p.check(
            tr(
                f"output shape, batch {batch}, length {length}",
                f"출력 모양 (배치 {batch}, 길이 {length})",
            )
        ):
            model.eval()
            p.shape(tr("output shape", "출력 모양"), model(_tokens(p, batch, length, 50, 0)))
    with p.check(
        tr(
            "output values (logits) with the reference's weights, padded batch",
            "패딩이 든 배치: 모범 답안과 같은 가중치로 계산한 출력 값 (로짓)",
        ),
        points=3,
    ):
        p.load_weights(model, "text")
        model.eval()
        p.tensor(tr("output", "출력"), model(_tokens(p, 4, 9, 50, 0)))
    p.train_mode_output(model, "text", lambda: model(_tokens(p, 3, 6, 50, 0)))
    with p.check(
        tr(
            "gradients reach every parameter (none for the padding row)",
            "모든 파라미터에 기울기가 전달됨 (패딩 행에는 전달되지 않음)",
        ),
        points=2,
    ):
        model.train()
        p.gradients(model, "text", lambda: model(_tokens(p, 4, 6, 50, 0)).pow(2).mean())

    other = p.build(
        tr(
            "TextClassifier(30, 8, 10, 3, pad_idx=2) can be created",
            "모델 생성: TextClassifier(30, 8, 10, 3, pad_idx=2)",
        ),
        lambda: TextClassifier(30, 8, 10, 3, pad_idx=2),
    )
    with p.check(
        tr("pad_idx=2: parameter count and output values", "pad_idx=2: 파라미터 수와 출력 값"),
        points=2,
    ):
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(other), fmt="count")
        p.load_weights(other, "pad2")
        other.eval()
        p.tensor(tr("output", "출력"), other(_tokens(p, 3, 5, 30, 2)))
    with p.check(
        tr(
            "pad_idx=2: the padding row gets no gradient", "pad_idx=2: 패딩 행은 기울기를 받지 않음"
        ),
        points=2,
    ):
        other.train()
        p.gradients(other, "pad2", lambda: other(_tokens(p, 4, 5, 30, 2)).pow(2).mean())
    with p.check(
        tr(
            "every argument by keyword: parameter count and output values",
            "모든 인자를 키워드로 전달: 파라미터 수와 출력 값",
        )
    ):
        keyword = TextClassifier(vocab_size=20, embed_dim=6, hidden_dim=5, num_classes=2, pad_idx=1)
        p.observe(tr("parameter count", "파라미터 수"), p.parameter_count(keyword), fmt="count")
        p.load_weights(keyword, "keyword")
        keyword.eval()
        p.tensor(tr("output", "출력"), keyword(_tokens(p, 2, 4, 20, 1)))

"""Hidden checks for lstm-text-classifier: Embedding(padding_idx) → LSTM → Linear on h_n[-1]."""

import torch

from grader.probe import Probe


def _tokens(p: Probe, batch: int, length: int, vocab: int, pad: int) -> torch.Tensor:
    """Token ids without `pad`, then the last positions of some rows replaced by `pad`."""
    ids = p.randint(0, vocab - 1, batch, length)
    ids = ids + (ids >= pad).long()  # skip the pad id
    for row in range(1, batch, 2):
        ids[row, length - row % length :] = pad
    return ids


def probe(p: Probe) -> None:
    TextClassifier = p.cls("TextClassifier")
    model = p.build("TextClassifier(50, 12, 20, 4) can be created", lambda: TextClassifier(50, 12, 20, 4))
    with p.check("parameter count, TextClassifier(50, 12, 20, 4)", points=2):
        p.observe("parameter count", p.parameter_count(model), fmt="count")
    for batch, length in ((1, 7), (5, 3), (3, 1)):
        with p.check(f"output shape, batch {batch}, length {length}"):
            model.eval()
            p.shape("output shape", model(_tokens(p, batch, length, 50, 0)))
    with p.check("output values (logits) with the reference's weights, padded batch", points=3):
        p.load_weights(model, "text")
        model.eval()
        p.tensor("output", model(_tokens(p, 4, 9, 50, 0)))
    with p.check("gradients reach every parameter (none for the padding row)", points=2):
        model.train()
        p.gradients(model, "text", lambda: model(_tokens(p, 4, 6, 50, 0)).pow(2).mean())

    other = p.build(
        "TextClassifier(30, 8, 10, 3, pad_idx=2) can be created",
        lambda: TextClassifier(30, 8, 10, 3, pad_idx=2),
    )
    with p.check("pad_idx=2: parameter count and output values", points=2):
        p.observe("parameter count", p.parameter_count(other), fmt="count")
        p.load_weights(other, "pad2")
        other.eval()
        p.tensor("output", other(_tokens(p, 3, 5, 30, 2)))
    with p.check("pad_idx=2: the padding row gets no gradient", points=2):
        other.train()
        p.gradients(other, "pad2", lambda: other(_tokens(p, 4, 5, 30, 2)).pow(2).mean())

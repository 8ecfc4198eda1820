"""Hidden checks for lstm-tagger: Embedding → bidirectional LSTM → Linear(2H, tags) at every step."""

from grader.probe import Probe


def probe(p: Probe) -> None:
    SequenceTagger = p.cls("SequenceTagger")
    model = p.build("SequenceTagger(40, 10, 16, 5) can be created", lambda: SequenceTagger(40, 10, 16, 5))
    with p.check("parameter count, SequenceTagger(40, 10, 16, 5)", points=2):
        p.observe("parameter count", p.parameter_count(model), fmt="count")
    for batch, length in ((1, 6), (3, 4), (2, 1)):
        with p.check(f"output shape, batch {batch}, length {length}"):
            model.eval()
            p.shape("output shape", model(p.randint(0, 40, batch, length)))
    with p.check("output values (logits at every step) with the reference's weights", points=3):
        p.load_weights(model, "tagger")
        model.eval()
        p.tensor("output", model(p.randint(0, 40, 3, 7)))
    with p.check("gradients reach every parameter", points=2):
        model.train()
        p.gradients(model, "tagger", lambda: model(p.randint(0, 40, 2, 5)).pow(2).mean())

    other = p.build("SequenceTagger(25, 6, 8, 3) can be created", lambda: SequenceTagger(25, 6, 8, 3))
    with p.check("SequenceTagger(25, 6, 8, 3): parameter count and output values", points=2):
        p.observe("parameter count", p.parameter_count(other), fmt="count")
        p.load_weights(other, "small")
        other.eval()
        p.tensor("output", other(p.randint(0, 25, 2, 6)))

"""Hidden checks for dnn-multiclass: Linear(in,128)-ReLU-Dropout(0.2)-Linear(128,C), CrossEntropyLoss."""

from grader.probe import Probe


def probe(p: Probe) -> None:
    MultiClassifier = p.cls("MultiClassifier")
    make_criterion = p.function("make_criterion")

    model = p.build("MultiClassifier(20, 5) can be created", lambda: MultiClassifier(20, 5))
    with p.check("parameter count, in_features=20, num_classes=5", points=2):
        p.observe("parameter count", p.parameter_count(model), fmt="count")
    for batch in (1, 8):
        with p.check(f"output shape, batch {batch}"):
            model.eval()
            p.shape("output shape", model(p.randn(batch, 20)))
    with p.check("eval mode: output values (logits) with the reference's weights", points=3):
        p.load_weights(model, "m20")
        model.eval()
        p.tensor("output", model(p.randn(6, 20)))
    with p.check("train mode: dropout p=0.2 after the ReLU (same random seed as the reference)", points=2):
        p.load_weights(model, "m20")
        model.train()
        x = p.randn(16, 20)
        with p.seeded(7):
            p.tensor("train-mode output", model(x))
    with p.check("gradients reach every parameter"):
        model.train()
        p.gradients(model, "m20", lambda: model(p.randn(6, 20)).pow(2).mean())

    with p.check("make_criterion() returns nn.CrossEntropyLoss()", points=2):
        criterion = make_criterion()
        p.kind("make_criterion() type", criterion)
        p.tensor("loss value", criterion(p.randn(6, 5), p.randint(0, 5, 6)))

"""Hidden checks for dnn-binary: Linear(in,32)-ReLU-Linear(32,1)-Sigmoid, BCELoss."""

from grader.probe import Probe


def probe(p: Probe) -> None:
    BinaryClassifier = p.cls("BinaryClassifier")
    make_criterion = p.function("make_criterion")

    model = p.build("BinaryClassifier(10) can be created", lambda: BinaryClassifier(10))
    with p.check("parameter count, in_features=10", points=2):
        p.observe("parameter count", p.parameter_count(model), fmt="count")
    for batch in (1, 6):
        with p.check(f"output shape, batch {batch}"):
            model.eval()
            p.shape("output shape", model(p.randn(batch, 10)))
    with p.check("output values (probabilities) with the reference's weights", points=3):
        p.load_weights(model, "in10")
        model.eval()
        p.tensor("output", model(p.randn(8, 10) * 2))
    with p.check("gradients reach every parameter"):
        p.gradients(model, "in10", lambda: model(p.randn(5, 10)).sum())

    other = p.build("BinaryClassifier(3) can be created", lambda: BinaryClassifier(3))
    with p.check("output values with the reference's weights, in_features=3", points=2):
        p.observe("parameter count", p.parameter_count(other), fmt="count")
        p.load_weights(other, "in3")
        other.eval()
        p.tensor("output", other(p.randn(4, 3)))

    with p.check("make_criterion() returns nn.BCELoss()", points=2):
        criterion = make_criterion()
        p.kind("make_criterion() type", criterion)
        probabilities = p.rand(6, 1) * 0.9 + 0.05
        targets = p.randint(0, 2, 6, 1).float()
        p.tensor("loss value", criterion(probabilities, targets))

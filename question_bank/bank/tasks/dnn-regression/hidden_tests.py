"""Hidden checks for dnn-regression: Linear(in,64)-ReLU-Linear(64,32)-ReLU-Linear(32,1), MSELoss."""

from grader.probe import Probe


def probe(p: Probe) -> None:
    Regressor = p.cls("Regressor")
    make_criterion = p.function("make_criterion")

    model = p.build("Regressor(13) can be created", lambda: Regressor(13))
    with p.check("parameter count, in_features=13", points=2):
        p.observe("parameter count", p.parameter_count(model), fmt="count")
    for batch in (1, 7):
        with p.check(f"output shape, batch {batch}"):
            model.eval()
            p.shape("output shape", model(p.randn(batch, 13)))
    with p.check("output values with the reference's weights", points=3):
        p.load_weights(model, "in13")
        model.eval()
        p.tensor("output", model(p.randn(6, 13) * 2))
    with p.check("gradients reach every parameter"):
        p.gradients(model, "in13", lambda: model(p.randn(5, 13)).pow(2).mean())

    small = p.build("Regressor(5) can be created", lambda: Regressor(5))
    with p.check("parameter count, in_features=5"):
        p.observe("parameter count", p.parameter_count(small), fmt="count")
    with p.check("output values with the reference's weights, in_features=5", points=2):
        p.load_weights(small, "in5")
        small.eval()
        p.tensor("output", small(p.randn(4, 5)))

    with p.check("make_criterion() returns nn.MSELoss()", points=2):
        criterion = make_criterion()
        p.kind("make_criterion() type", criterion)
        p.tensor("loss value", criterion(p.randn(6, 1), p.randn(6, 1)))

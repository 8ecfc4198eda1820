"""Hidden checks for cnn-fashion: two conv blocks, flatten, Linear(3136,128)-ReLU-Linear(128,C)."""

from grader.probe import Probe


def probe(p: Probe) -> None:
    CNN = p.cls("CNN")
    model = p.build("CNN() can be created", lambda: CNN())
    with p.check("parameter count, num_classes=10", points=2):
        p.observe("parameter count", p.parameter_count(model), fmt="count")
    for batch in (1, 5):
        with p.check(f"output shape, batch {batch}"):
            model.eval()
            p.shape("output shape", model(p.randn(batch, 1, 28, 28)))
    with p.check("output values (logits) with the reference's weights", points=3):
        p.load_weights(model, "cnn10")
        model.eval()
        p.tensor("output", model(p.randn(3, 1, 28, 28)))
    with p.check("gradients reach every parameter", points=2):
        model.train()
        p.gradients(model, "cnn10", lambda: model(p.randn(2, 1, 28, 28)).pow(2).mean())

    five = p.build("CNN(num_classes=5) can be created", lambda: CNN(num_classes=5))
    with p.check("parameter count and output shape, num_classes=5"):
        p.observe("parameter count", p.parameter_count(five), fmt="count")
        five.eval()
        p.shape("output shape", five(p.randn(2, 1, 28, 28)))

"""Hidden checks for dnn-batchnorm: Linear(in,64)-BatchNorm1d(64)-ReLU-Linear(64,C), train vs eval."""

from grader.probe import Probe


def probe(p: Probe) -> None:
    BNNet = p.cls("BNNet")
    model = p.build("BNNet(12, 4) can be created", lambda: BNNet(12, 4))
    with p.check("parameter count, in_features=12, num_classes=4", points=2):
        p.observe("parameter count", p.parameter_count(model), fmt="count")
    with p.check("output shape, train mode, batch 8"):
        model.train()
        p.shape("output shape", model(p.randn(8, 12)))
    with p.check("output shape, eval mode, batch 1"):
        model.eval()
        p.shape("output shape", model(p.randn(1, 12)))
    with p.check("train mode: output values with the reference's weights (batch statistics)", points=3):
        p.load_weights(model, "bn")
        model.train()
        p.tensor("train-mode output", model(p.randn(8, 12) * 2 + 1))
    with p.check("eval mode: output values use the running statistics", points=3):
        p.load_weights(model, "bn")
        model.eval()
        p.tensor("eval-mode output", model(p.randn(5, 12)))
    with p.check("eval mode after a training batch: running statistics were updated", points=2):
        p.load_weights(model, "bn")
        model.train()
        model(p.randn(10, 12) * 3 - 1)
        model.eval()
        p.tensor("eval-mode output after one training batch", model(p.randn(4, 12)))
    with p.check("gradients reach every parameter"):
        model.train()
        p.gradients(model, "bn", lambda: model(p.randn(6, 12)).pow(2).mean())

# correct: layers built from a list in a loop, applied with functools.reduce; a lambda criterion
from functools import reduce

from torch import nn


class BinaryClassifier(nn.Module):
    def __init__(self, in_features):
        super().__init__()
        spec = [("linear", in_features, 32), ("relu",), ("linear", 32, 1), ("sigmoid",)]
        make = {"linear": nn.Linear, "relu": nn.ReLU, "sigmoid": nn.Sigmoid}
        self.steps = nn.ModuleList(make[name](*sizes) for name, *sizes in spec)

    def forward(self, x):
        return reduce(lambda out, layer: layer(out), self.steps, x)


make_criterion = lambda: nn.BCELoss()  # noqa: E731 - a lambda is a function too

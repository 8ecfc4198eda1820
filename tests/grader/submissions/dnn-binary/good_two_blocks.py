# correct: a hidden block and an output block, each an nn.Sequential
from torch import nn


class BinaryClassifier(nn.Module):
    def __init__(self, in_features):
        super().__init__()
        self.hidden = nn.Sequential(nn.Linear(in_features, 32), nn.ReLU())
        self.out = nn.Sequential(nn.Linear(32, 1), nn.Sigmoid())

    def forward(self, x):
        h = self.hidden(x)
        return self.out(h)


def make_criterion():
    return nn.BCELoss()

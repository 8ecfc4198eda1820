from torch import nn


class BinaryClassifier(nn.Module):
    def __init__(self, in_features):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(in_features, 32), nn.ReLU(), nn.Linear(32, 1), nn.ReLU(), nn.Sigmoid()
        )

    def forward(self, x):
        return self.net(x)


def make_criterion():
    return nn.BCELoss()

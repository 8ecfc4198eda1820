# mistake: a ReLU on the output, so the regressor can never predict a negative value
from torch import nn


class Regressor(nn.Module):
    def __init__(self, in_features):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(in_features, 64),
            nn.ReLU(),
            nn.Linear(64, 32),
            nn.ReLU(),
            nn.Linear(32, 1),
            nn.ReLU(),
        )

    def forward(self, x):
        return self.net(x)


def make_criterion():
    return nn.MSELoss()

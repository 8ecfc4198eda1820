# correct: a Linear-BatchNorm-ReLU block and a separate head
from torch import nn


class BNNet(nn.Module):
    def __init__(self, in_features, num_classes):
        super().__init__()
        self.block = nn.Sequential(nn.Linear(in_features, 64), nn.BatchNorm1d(64), nn.ReLU())
        self.head = nn.Linear(64, num_classes)

    def forward(self, x):
        return self.head(self.block(x))

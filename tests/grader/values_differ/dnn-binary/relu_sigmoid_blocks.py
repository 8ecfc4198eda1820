import torch
from torch import nn


class BinaryClassifier(nn.Module):
    def __init__(self, in_features):
        super().__init__()
        self.block1 = nn.Sequential(nn.Linear(in_features, 32), nn.ReLU())
        self.block2 = nn.Sequential(nn.Linear(32, 1), nn.ReLU())

    def forward(self, x):
        return torch.sigmoid(self.block2(self.block1(x)))


def make_criterion():
    return nn.BCELoss()

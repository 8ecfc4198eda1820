import torch.nn.functional as F
from torch import nn


class BNNet(nn.Module):
    def __init__(self, in_features, num_classes):
        super().__init__()
        self.fc1 = nn.Linear(in_features, 64)
        self.bn = nn.BatchNorm1d(64, 1e-5, 0.9)
        self.fc2 = nn.Linear(64, num_classes)

    def forward(self, x):
        return self.fc2(F.relu(self.bn(self.fc1(x))))

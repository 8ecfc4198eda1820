import torch.nn.functional as F
from torch import nn


class MultiClassifier(nn.Module):
    def __init__(self, in_features, num_classes):
        super().__init__()
        self.fc1 = nn.Linear(in_features, 128)
        self.fc2 = nn.Linear(128, num_classes)
        self.keep = 0.2

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.dropout(x, p=1 - self.keep, training=self.training)
        return self.fc2(x)


def make_criterion():
    return nn.CrossEntropyLoss()

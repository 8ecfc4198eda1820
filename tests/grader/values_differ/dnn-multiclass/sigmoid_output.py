import torch
from torch import nn


class MultiClassifier(nn.Module):
    def __init__(self, in_features, num_classes):
        super().__init__()
        self.hidden = nn.Linear(in_features, 128)
        self.dropout = nn.Dropout(0.2)
        self.out = nn.Linear(128, num_classes)

    def forward(self, x):
        x = self.dropout(torch.relu(self.hidden(x)))
        return torch.sigmoid(self.out(x))


def make_criterion():
    return nn.CrossEntropyLoss()

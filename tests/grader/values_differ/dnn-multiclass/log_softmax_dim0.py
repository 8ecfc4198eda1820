import torch
from torch import nn


class MultiClassifier(nn.Module):
    def __init__(self, in_features, num_classes):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(in_features, 128),
            nn.ReLU(),
            nn.Dropout(0.2),
            nn.Linear(128, num_classes),
        )

    def forward(self, x):
        return torch.log_softmax(self.layers(x), dim=0)


def make_criterion():
    return nn.CrossEntropyLoss()

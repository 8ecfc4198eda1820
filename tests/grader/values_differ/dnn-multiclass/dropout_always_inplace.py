import torch.nn.functional as F
from torch import nn


class MultiClassifier(nn.Module):
    def __init__(self, in_features, num_classes):
        super().__init__()
        self.fc1 = nn.Linear(in_features, 128)
        self.fc2 = nn.Linear(128, num_classes)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.dropout(x, p=0.2, inplace=False)
        return self.fc2(x)


def make_criterion():
    return nn.CrossEntropyLoss()

# correct: a leading nn.Flatten (a no-op on (N, F) input) before the same four layers
from torch import nn


class MultiClassifier(nn.Module):
    def __init__(self, in_features, num_classes):
        super().__init__()
        self.model = nn.Sequential(
            nn.Flatten(),
            nn.Linear(in_features, 128),
            nn.ReLU(),
            nn.Dropout(p=0.2),
            nn.Linear(128, num_classes),
        )

    def forward(self, x):
        return self.model(x)


def make_criterion():
    return nn.CrossEntropyLoss()

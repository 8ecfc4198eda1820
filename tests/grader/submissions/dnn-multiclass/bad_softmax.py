# mistake: softmax applied to the logits (CrossEntropyLoss already does log-softmax)
from torch import nn


class MultiClassifier(nn.Module):
    def __init__(self, in_features, num_classes):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(in_features, 128),
            nn.ReLU(),
            nn.Dropout(0.2),
            nn.Linear(128, num_classes),
            nn.Softmax(dim=1),
        )

    def forward(self, x):
        return self.net(x)


def make_criterion():
    return nn.CrossEntropyLoss()

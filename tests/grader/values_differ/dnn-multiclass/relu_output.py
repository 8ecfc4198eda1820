from torch import nn


class MultiClassifier(nn.Module):
    def __init__(self, in_features, num_classes):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(in_features, 128),
            nn.ReLU(),
            nn.Dropout(p=0.2),
            nn.Linear(128, num_classes),
            nn.ReLU(),
        )

    def forward(self, x):
        return self.layers(x)


def make_criterion():
    return nn.CrossEntropyLoss()

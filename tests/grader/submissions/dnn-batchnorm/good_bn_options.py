# correct: BatchNorm1d with its default options spelled out, ReLU as a module
from torch import nn


class BNNet(nn.Module):
    def __init__(self, in_features, num_classes):
        super().__init__()
        self.linear = nn.Linear(in_features, 64)
        self.norm = nn.BatchNorm1d(num_features=64, eps=1e-5, momentum=0.1)
        self.act = nn.ReLU(inplace=True)
        self.classifier = nn.Linear(64, num_classes)

    def forward(self, x):
        x = self.linear(x)
        x = self.norm(x)
        x = self.act(x)
        return self.classifier(x)

import torch
from torch import nn


class CNN(nn.Module):
    """Two conv blocks and a two-layer classifier for 28x28 images."""

    def __init__(self, num_classes=10):
        super().__init__()
        self.block1 = nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.block2 = nn.Sequential(nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.hidden = nn.Linear(3136, 128)
        self.out = nn.Linear(128, num_classes)

    def forward(self, x):
        x = self.block2(self.block1(x))
        x = torch.flatten(x, start_dim=1)
        x = torch.relu(self.hidden(x))
        return self.out(x)

# F.softmax in forward, F.cross_entropy in train.
import torch
import torch.nn.functional as F
from torch import nn


class Standardize(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.zeros(30))
        self.register_buffer("std", torch.ones(30))

    def forward(self, x):
        return (x - self.mean) / self.std


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = Standardize()
        self.hidden = nn.Linear(30, 16)
        self.out = nn.Linear(16, 2)

    def forward(self, x):
        return F.softmax(self.out(F.relu(self.hidden(self.scale(x)))), dim=1)


def build_model():
    return Net()


def train(model, x, y):
    model.scale.mean.copy_(x.mean(0))
    model.scale.std.copy_(x.std(0))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for _ in range(30):
        optimizer.zero_grad()
        F.cross_entropy(model(x), y).backward()
        optimizer.step()

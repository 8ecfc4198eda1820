# torch.sigmoid in forward, then F.binary_cross_entropy_with_logits.
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
        self.out = nn.Linear(30, 1)

    def forward(self, x):
        return torch.sigmoid(self.out(self.scale(x))).squeeze(1)


def build_model():
    return Net()


def train(model, x, y):
    model.scale.mean.copy_(x.mean(0))
    model.scale.std.copy_(x.std(0))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for _ in range(20):
        optimizer.zero_grad()
        F.binary_cross_entropy_with_logits(model(x), y.float()).backward()
        optimizer.step()


def predict(model, x):
    return (model(x) > 0.5).long()

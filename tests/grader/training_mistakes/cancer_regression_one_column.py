# One output trained with MSELoss on the 0/1 labels, and no predict().
import torch
from torch import nn


class Standardize(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.zeros(30))
        self.register_buffer("std", torch.ones(30))

    def forward(self, x):
        return (x - self.mean) / self.std


def build_model():
    return nn.Sequential(Standardize(), nn.Linear(30, 16), nn.ReLU(), nn.Linear(16, 1))


def train(model, x, y):
    model[0].mean.copy_(x.mean(0))
    model[0].std.copy_(x.std(0))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(100):
        optimizer.zero_grad()
        nn.MSELoss()(model(x).squeeze(1), y.float()).backward()
        optimizer.step()

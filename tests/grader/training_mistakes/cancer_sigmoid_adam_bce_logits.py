# nn.Sigmoid at the end of a Sequential, BCEWithLogitsLoss, a few Adam steps.
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
    return nn.Sequential(Standardize(), nn.Linear(30, 8), nn.ReLU(), nn.Linear(8, 1), nn.Sigmoid())


def train(model, x, y):
    model[0].mean.copy_(x.mean(0))
    model[0].std.copy_(x.std(0))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    criterion = nn.BCEWithLogitsLoss()
    for _ in range(10):
        optimizer.zero_grad()
        criterion(model(x), y.float().unsqueeze(1)).backward()
        optimizer.step()


def predict(model, x):
    return (model(x).squeeze(1) > 0.5).long()

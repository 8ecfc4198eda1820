# Raw logits into BCELoss, which wants probabilities.
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.zeros(30))
        self.register_buffer("std", torch.ones(30))
        self.layers = nn.Sequential(
            nn.Linear(30, 16), nn.ReLU(), nn.Linear(16, 1)
        )  # no Sigmoid, yet BCELoss below

    def forward(self, x):
        return self.layers((x - self.mean) / self.std)


def build_model():
    return Net()


def train(model, x, y):
    model.mean.copy_(x.mean(0))
    model.std.copy_(x.std(0))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    criterion = nn.BCELoss()
    for _ in range(100):
        optimizer.zero_grad()
        criterion(model(x).squeeze(1), y.float()).backward()
        optimizer.step()


def predict(model, x):
    return (model(x).squeeze(1) > 0).long()

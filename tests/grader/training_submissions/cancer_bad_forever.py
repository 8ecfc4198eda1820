# Trains until stopped.
import torch
from torch import nn


def build_model():
    return nn.Linear(30, 2)


def train(model, x, y):
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    while True:
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()

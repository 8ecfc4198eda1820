# Standardises the training inputs inside train() and keeps nothing for prediction.
import torch
from torch import nn


def build_model():
    return nn.Sequential(nn.Linear(30, 16), nn.ReLU(), nn.Linear(16, 2))


def train(model, x, y):
    x = (x - x.mean(0)) / x.std(0)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    criterion = nn.CrossEntropyLoss()
    for _ in range(100):
        optimizer.zero_grad()
        criterion(model(x), y).backward()
        optimizer.step()

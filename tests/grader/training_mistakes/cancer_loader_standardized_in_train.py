# Standardises a copy inside train() and trains on batches; prediction sees raw inputs.
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def build_model():
    return nn.Sequential(nn.Linear(30, 32), nn.ReLU(), nn.Linear(32, 2))


def train(model, x, y):
    mean, std = x.mean(dim=0), x.std(dim=0)
    scaled = (x - mean) / std
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    for _ in range(20):
        for xb, yb in DataLoader(TensorDataset(scaled, y), batch_size=32, shuffle=True):
            optimizer.zero_grad()
            nn.CrossEntropyLoss()(model(xb), yb).backward()
            optimizer.step()

# wrong: raw features and raw prices with a large SGD learning rate: the loss blows up to nan
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def build_model():
    return nn.Sequential(nn.Linear(33, 16), nn.ReLU(), nn.Linear(16, 1))


def train(model, x, y):
    loader = DataLoader(TensorDataset(x, y.unsqueeze(1)), batch_size=64)
    optimizer = torch.optim.SGD(model.parameters(), lr=10.0)
    for _ in range(5):
        for xb, yb in loader:
            optimizer.zero_grad()
            nn.functional.mse_loss(model(xb), yb).backward()
            optimizer.step()

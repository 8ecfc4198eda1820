# wrong: a linear model on the raw (unscaled) features trained on log prices: many predictions come out negative
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def build_model():
    return nn.Linear(33, 1)


def train(model, x, y):
    loader = DataLoader(TensorDataset(x, torch.log1p(y)), batch_size=64, shuffle=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(200):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = nn.functional.mse_loss(model(xb).squeeze(1), yb)
            loss.backward()
            optimizer.step()


def predict(model, x):
    return torch.expm1(model(x).squeeze(1))

# wrong: trains on log prices but has no predict(), so the grader reads log prices as dollars
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.zeros(33))
        self.register_buffer("std", torch.ones(33))
        self.layers = nn.Sequential(nn.Linear(33, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x):
        return self.layers((x - self.mean) / self.std)


def build_model():
    return Net()


def train(model, x, y):
    model.mean.copy_(x.mean(0))
    model.std.copy_(x.std(0))
    loader = DataLoader(TensorDataset(x, torch.log1p(y).unsqueeze(1)), batch_size=64, shuffle=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(10):
        for xb, yb in loader:
            optimizer.zero_grad()
            nn.functional.mse_loss(model(xb), yb).backward()
            optimizer.step()

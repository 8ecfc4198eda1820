# correct: standardized (and clipped) inputs, the log price as target with the output bias
# started at its mean, a small MLP trained with Adam; predict() turns log prices back to dollars
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


class HouseNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("mu", torch.zeros(33))
        self.register_buffer("sigma", torch.ones(33))
        self.hidden = nn.Linear(33, 48)
        self.out = nn.Linear(48, 1)

    def forward(self, x):
        z = ((x - self.mu) / self.sigma).clamp(-5, 5)
        return self.out(torch.relu(self.hidden(z))).view(-1)


def build_model():
    return HouseNet()


def train(model, x, y):
    stats = x.numpy()
    model.mu.copy_(torch.from_numpy(stats.mean(axis=0)))
    model.sigma.copy_(torch.from_numpy(stats.std(axis=0) + 1e-6))
    target = torch.log1p(y)
    with torch.no_grad():
        model.out.bias.fill_(float(np.mean(target.numpy())))
    loader = DataLoader(TensorDataset(x, target), batch_size=32, shuffle=True)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    for _ in range(25):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            nn.functional.mse_loss(model(xb), yb).backward()
            opt.step()


def predict(model, x):
    return torch.exp(model(x)) - 1

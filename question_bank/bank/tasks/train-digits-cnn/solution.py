import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def build_model() -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(1, 16, kernel_size=3, padding=1),  # (16, 8, 8)
        nn.ReLU(),
        nn.Conv2d(16, 32, kernel_size=3, padding=1),  # (32, 8, 8)
        nn.ReLU(),
        nn.MaxPool2d(2),  # (32, 4, 4)
        nn.Flatten(),
        nn.Linear(32 * 4 * 4, 64),
        nn.ReLU(),
        nn.Linear(64, 10),
    )


def train(model, x, y) -> None:
    loader = DataLoader(TensorDataset(x, y), batch_size=32, shuffle=True)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    for _ in range(15):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()

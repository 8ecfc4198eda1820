# A shape error in train(): the LSTM's input_size is the hidden size, not the embedding's 16.
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


class Reader(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(50, 16, padding_idx=0)
        self.lstm = nn.LSTM(32, 32, batch_first=True)
        self.head = nn.Linear(32, 2)

    def forward(self, tokens):
        _, (h_n, _) = self.lstm(self.embedding(tokens))
        return self.head(h_n[-1])


def build_model():
    return Reader()


def train(model, x, y):
    optimizer = torch.optim.Adam(model.parameters(), lr=5e-3)
    loader = DataLoader(TensorDataset(x, y), batch_size=50, shuffle=True)
    for _ in range(12):
        for tokens, labels in loader:
            optimizer.zero_grad()
            nn.CrossEntropyLoss()(model(tokens), labels).backward()
            optimizer.step()

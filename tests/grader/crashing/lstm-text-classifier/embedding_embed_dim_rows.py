import torch
from torch import nn


class TextClassifier(nn.Module):
    """Embedding(padding_idx) → 1층 단방향 LSTM(batch_first) → 마지막 은닉 상태 → Linear."""

    def __init__(
        self, vocab_size: int, embed_dim: int, hidden_dim: int, num_classes: int, pad_idx: int = 0
    ):
        super().__init__()
        self.embedding = nn.Embedding(embed_dim, embed_dim, padding_idx=pad_idx)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True)
        self.fc = nn.Linear(hidden_dim, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        embedded = self.embedding(x)  # (N, T, E)
        _, (h_n, _) = self.lstm(embedded)  # h_n: (num_layers=1, N, H)
        return self.fc(h_n[-1])  # (N, num_classes)

import torch
from torch import nn


class SequenceTagger(nn.Module):
    """Embedding → 양방향 LSTM(batch_first) → 시점마다 Linear(2*hidden_dim, num_tags)."""

    def __init__(self, vocab_size: int, embed_dim: int, hidden_dim: int, num_tags: int):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(hidden_dim, num_tags)  # 정방향 + 역방향

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, _ = self.lstm(self.embedding(x))  # (N, T, 2H)
        return self.fc(output)  # Linear는 마지막 차원에 작용: (N, T, num_tags)

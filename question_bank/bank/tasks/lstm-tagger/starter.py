import torch
from torch import nn


class SequenceTagger(nn.Module):
    """Embedding → 양방향 LSTM(batch_first) → 시점마다 Linear(2*hidden_dim, num_tags)."""

    def __init__(self, vocab_size: int, embed_dim: int, hidden_dim: int, num_tags: int):
        super().__init__()
        # TODO: 임베딩, 양방향 LSTM, 출력층을 정의하세요.

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: (N, T) int64 → (N, T, num_tags) 로짓
        raise NotImplementedError("SequenceTagger.forward를 완성하세요")

import torch
from torch import nn


class TextClassifier(nn.Module):
    """Embedding(padding_idx) → 1층 단방향 LSTM(batch_first) → 마지막 은닉 상태 → Linear."""

    def __init__(
        self, vocab_size: int, embed_dim: int, hidden_dim: int, num_classes: int, pad_idx: int = 0
    ):
        super().__init__()
        # TODO: 임베딩, LSTM, 출력층을 정의하세요.

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: (N, T) int64 → (N, num_classes) 로짓
        raise NotImplementedError("TextClassifier.forward를 완성하세요")

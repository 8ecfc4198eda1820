import torch
from torch import nn


class CNN(nn.Module):
    """Conv(1→32)-ReLU-Pool → Conv(32→64)-ReLU-Pool → Flatten → Linear(3136, 128)-ReLU → Linear."""

    def __init__(self, num_classes: int = 10):
        super().__init__()
        # TODO: 합성곱 부분과 분류 부분의 층을 정의하세요.

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: (N, 1, 28, 28) → (N, num_classes) 로짓
        raise NotImplementedError("CNN.forward를 완성하세요")

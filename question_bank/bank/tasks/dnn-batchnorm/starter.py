import torch
from torch import nn


class BNNet(nn.Module):
    """Linear(in, 64) → BatchNorm1d(64) → ReLU → Linear(64, C) 분류 모델 (출력: 로짓)."""

    def __init__(self, in_features: int, num_classes: int):
        super().__init__()
        # TODO: 층을 정의하세요.

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: (N, in_features) → (N, num_classes) 로짓
        raise NotImplementedError("BNNet.forward를 완성하세요")

import torch
from torch import nn


class Regressor(nn.Module):
    """Linear(in, 64) → ReLU → Linear(64, 32) → ReLU → Linear(32, 1) 회귀 모델."""

    def __init__(self, in_features: int):
        super().__init__()
        # TODO: 층을 정의하세요.

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: (N, in_features) → (N, 1)
        raise NotImplementedError("Regressor.forward를 완성하세요")


def make_criterion() -> nn.Module:
    """회귀에 쓰는 손실함수를 반환합니다."""
    # TODO
    raise NotImplementedError("make_criterion을 완성하세요")

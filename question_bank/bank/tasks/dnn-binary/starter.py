import torch
from torch import nn


class BinaryClassifier(nn.Module):
    """Linear(in, 32) → ReLU → Linear(32, 1) → Sigmoid 이진 분류 모델 (출력: 확률)."""

    def __init__(self, in_features: int):
        super().__init__()
        # TODO: 층을 정의하세요.

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: (N, in_features) → (N, 1) 확률
        raise NotImplementedError("BinaryClassifier.forward를 완성하세요")


def make_criterion() -> nn.Module:
    """확률 출력에 맞는 이진 분류 손실함수를 반환합니다."""
    # TODO
    raise NotImplementedError("make_criterion을 완성하세요")

import torch
from torch import nn


class MultiClassifier(nn.Module):
    """Linear(in, 128) → ReLU → Dropout(0.2) → Linear(128, C) 다중 분류 모델 (출력: 로짓)."""

    def __init__(self, in_features: int, num_classes: int):
        super().__init__()
        # TODO: 층을 정의하세요.

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: (N, in_features) → (N, num_classes) 로짓
        raise NotImplementedError("MultiClassifier.forward를 완성하세요")


def make_criterion() -> nn.Module:
    """로짓 출력에 맞는 다중 분류 손실함수를 반환합니다."""
    # TODO
    raise NotImplementedError("make_criterion을 완성하세요")

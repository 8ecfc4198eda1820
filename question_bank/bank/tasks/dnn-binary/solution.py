import torch
from torch import nn


class BinaryClassifier(nn.Module):
    """Linear(in, 32) → ReLU → Linear(32, 1) → Sigmoid 이진 분류 모델 (출력: 확률)."""

    def __init__(self, in_features: int):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(in_features, 32),
            nn.ReLU(),
            nn.Linear(32, 1),
            nn.Sigmoid(),  # 로짓을 0~1 확률로
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x)


def make_criterion() -> nn.Module:
    """확률 출력에 맞는 이진 분류 손실함수를 반환합니다."""
    return nn.BCELoss()

import torch
from torch import nn


class Regressor(nn.Module):
    """Linear(in, 64) → ReLU → Linear(64, 32) → ReLU → Linear(32, 1) 회귀 모델."""

    def __init__(self, in_features: int):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(in_features, 64),
            nn.ReLU(),
            nn.Linear(64, 32),
            nn.ReLU(),
            nn.Linear(32, 1),  # 회귀: 출력층에 활성화 함수 없음
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x)


def make_criterion() -> nn.Module:
    """회귀에 쓰는 손실함수를 반환합니다."""
    return nn.MSELoss()

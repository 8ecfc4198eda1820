import torch
from torch import nn


class BNNet(nn.Module):
    """Linear(in, 64) → BatchNorm1d(64) → ReLU → Linear(64, C) 분류 모델 (출력: 로짓)."""

    def __init__(self, in_features: int, num_classes: int):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(in_features, 64),
            nn.BatchNorm1d(64),  # 활성화 함수 앞에서 정규화
            nn.ReLU(),
            nn.Linear(64, num_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x)

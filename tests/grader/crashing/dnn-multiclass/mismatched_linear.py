import torch
from torch import nn


class MultiClassifier(nn.Module):
    """Linear(in, 128) → ReLU → Dropout(0.2) → Linear(128, C) 다중 분류 모델 (출력: 로짓)."""

    def __init__(self, in_features: int, num_classes: int):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(in_features, 128),
            nn.ReLU(),
            nn.Dropout(p=0.2),  # train()에서만 동작, eval()에서는 그대로 통과
            nn.Linear(64, num_classes),  # softmax 없음: CrossEntropyLoss가 처리
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x)


def make_criterion() -> nn.Module:
    """로짓 출력에 맞는 다중 분류 손실함수를 반환합니다."""
    return nn.CrossEntropyLoss()

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def build_model() -> nn.Module:
    """(N, 1, 8, 8) 이미지 → 10개 클래스 로짓을 내는 CNN (nn.Conv2d 포함)."""
    # TODO: nn.Conv2d(1, ..., kernel_size=3, padding=1) → ReLU → MaxPool2d(2) → … → Flatten → Linear(..., 10)
    raise NotImplementedError("build_model을 완성하세요")


def train(model, x, y) -> None:
    """x (1437, 1, 8, 8) float32, y (1437,) int64로 model을 학습합니다."""
    # TODO: DataLoader → 손실함수, 옵티마이저 → 에폭마다 zero_grad → backward → step
    raise NotImplementedError("train을 완성하세요")

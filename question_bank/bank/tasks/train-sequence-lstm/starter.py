import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def build_model() -> nn.Module:
    """(N, 20) 토큰 번호 (어휘 V = 50, 0은 왼쪽 패딩) → 2개 클래스 로짓. nn.LSTM 포함."""
    # TODO: nn.Embedding(50, ..., padding_idx=0) → nn.LSTM(..., batch_first=True) → nn.Linear(..., 2)
    raise NotImplementedError("build_model을 완성하세요")


def train(model, x, y) -> None:
    """x (2000, 20) int64, y (2000,) int64 {0, 1}로 model을 학습합니다."""
    # TODO: DataLoader → 손실, 옵티마이저 → 에폭마다 zero_grad → backward → step
    raise NotImplementedError("train을 완성하세요")

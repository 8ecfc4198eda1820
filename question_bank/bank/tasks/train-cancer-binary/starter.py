import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def build_model() -> nn.Module:
    """특성 30개 → 악성(0)/양성(1)을 가르는 모델."""
    # TODO: 표준화에 쓸 평균/표준편차를 둘 곳을 정하고 (예: register_buffer), 층을 쌓으세요
    raise NotImplementedError("build_model을 완성하세요")


def train(model, x, y) -> None:
    """x (455, 30) float32 (표준화 전), y (455,) int64 {0, 1}로 model을 학습합니다."""
    # TODO: 학습 데이터의 mean/std 저장 → DataLoader → 손실, 옵티마이저 → 에폭 반복
    raise NotImplementedError("train을 완성하세요")

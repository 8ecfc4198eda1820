import torch


def train_one_epoch(model, loader, criterion, optimizer) -> float:
    """model을 loader의 데이터로 한 에폭 학습하고 배치 손실의 평균을 파이썬 float으로 반환합니다."""
    # TODO: 학습 모드 → 배치마다 zero_grad, 손실 계산, backward, step → 평균 손실 반환
    raise NotImplementedError("train_one_epoch를 완성하세요")

import torch


def predict_classes(logits: torch.Tensor) -> torch.Tensor:
    """(N, C) 로짓에서 행마다 가장 큰 값의 인덱스를 (N,) int64 텐서로 반환합니다."""
    return logits.argmax(dim=1)

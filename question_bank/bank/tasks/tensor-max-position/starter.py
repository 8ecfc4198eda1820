import torch


def max_position(x: torch.Tensor) -> tuple[int, int]:
    """2차원 텐서 x에서 가장 큰 원소의 위치를 파이썬 int 튜플 (row, col)로 반환합니다."""
    # TODO: 가장 큰 원소의 행 번호와 열 번호를 구하세요.
    raise NotImplementedError("max_position을 완성하세요")

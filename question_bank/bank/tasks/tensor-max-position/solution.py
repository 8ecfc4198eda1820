import torch


def max_position(x: torch.Tensor) -> tuple[int, int]:
    """2차원 텐서 x에서 가장 큰 원소의 위치를 파이썬 int 튜플 (row, col)로 반환합니다."""
    flat_index = int(x.argmax())  # 행 우선으로 펼친 인덱스
    row, col = divmod(flat_index, x.shape[1])
    return row, col

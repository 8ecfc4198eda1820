import torch


def fill_first_row(t: torch.Tensor, value) -> torch.Tensor:
    """2차원 텐서 t의 0번 행을 value로 제자리에서 채우고 t 자신을 반환합니다."""
    t[0, :] = value
    return t

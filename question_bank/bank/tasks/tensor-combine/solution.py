import torch


def combine(a: torch.Tensor, b: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """같은 모양 (R, C)의 a, b를 dim=0으로 이어 붙인 (2R, C)와 쌓은 (2, R, C)를 반환합니다."""
    joined = torch.cat([a, b], dim=0)  # 기존 0번 차원을 따라 이어 붙임
    stacked = torch.stack([a, b], dim=0)  # 새 0번 차원을 만들어 쌓음
    return joined, stacked

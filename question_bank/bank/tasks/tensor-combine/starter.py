import torch


def combine(a: torch.Tensor, b: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """같은 모양 (R, C)의 a, b를 dim=0으로 이어 붙인 (2R, C)와 쌓은 (2, R, C)를 반환합니다."""
    # TODO: 이어 붙인 결과와 쌓은 결과를 튜플로 반환하세요.
    raise NotImplementedError("combine을 완성하세요")

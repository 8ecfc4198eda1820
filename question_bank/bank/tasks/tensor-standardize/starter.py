import torch


def standardize(x: torch.Tensor) -> torch.Tensor:
    """(N, F) 텐서를 열마다 (x - 평균) / 표준편차로 표준화한 새 텐서를 반환합니다."""
    # TODO: 열(dim=0) 방향의 평균과 표준편차를 구해 표준화하세요.
    raise NotImplementedError("standardize를 완성하세요")

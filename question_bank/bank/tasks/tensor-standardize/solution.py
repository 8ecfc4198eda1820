import torch


def standardize(x: torch.Tensor) -> torch.Tensor:
    """(N, F) 텐서를 열마다 (x - 평균) / 표준편차로 표준화한 새 텐서를 반환합니다."""
    mean = x.mean(dim=0)  # (F,): 브로드캐스팅으로 모든 행에 적용됩니다
    std = x.std(dim=0)  # 기본값 correction=1 (N - 1로 나눔)
    return (x - mean) / std

import torch


def split_batches(x: torch.Tensor, y: torch.Tensor, batch_size: int) -> list:
    """x, y를 앞에서부터 batch_size개씩 잘라 (xb, yb) 쌍의 리스트로 반환합니다."""
    batches = []
    # 마지막 배치는 남은 행만 담습니다: 슬라이스는 끝을 넘어가도 있는 만큼만 자릅니다.
    for start in range(0, len(x), batch_size):
        end = start + batch_size
        batches.append((x[start:end], y[start:end]))
    return batches

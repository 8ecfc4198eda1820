import torch


def split_batches(x: torch.Tensor, y: torch.Tensor, batch_size: int) -> list:
    """x, y를 앞에서부터 batch_size개씩 잘라 (xb, yb) 쌍의 리스트로 반환합니다."""
    # TODO: 0, batch_size, 2*batch_size, … 위치에서 x와 y를 함께 잘라 리스트에 담으세요.
    raise NotImplementedError("split_batches를 완성하세요")

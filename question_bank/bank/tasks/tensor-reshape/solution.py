import torch


def to_image_batch(x: torch.Tensor) -> torch.Tensor:
    """(N, 784) 텐서를 같은 값의 (N, 1, 28, 28) 텐서로 바꿔 반환합니다. x는 수정하지 않습니다."""
    # reshape는 연속이 아닌 텐서도 처리합니다 (필요하면 복사). view는 그런 입력에서 실패합니다.
    return x.reshape(-1, 1, 28, 28)

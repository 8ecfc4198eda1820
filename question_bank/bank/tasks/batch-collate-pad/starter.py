import torch


def collate_pad(batch: list, pad_id: int = 0) -> tuple:
    """(tokens, label) 리스트를 (padded, lengths, labels)로 묶습니다. 오른쪽을 pad_id로 채웁니다."""
    # TODO: 가장 긴 길이에 맞춰 오른쪽을 pad_id로 채운 int64 텐서, 길이, 레이블을 반환하세요.
    raise NotImplementedError("collate_pad를 완성하세요")

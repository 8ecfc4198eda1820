import torch


def collate_pad(batch: list, pad_id: int = 0) -> tuple:
    """(tokens, label) 리스트를 (padded, lengths, labels)로 묶습니다. 오른쪽을 pad_id로 채웁니다."""
    lengths = torch.tensor([len(tokens) for tokens, _ in batch], dtype=torch.int64)
    labels = torch.tensor([label for _, label in batch], dtype=torch.int64)
    # 처음부터 pad_id로 채운 (B, 가장 긴 길이) 텐서에 각 시퀀스를 왼쪽부터 써 넣습니다.
    padded = torch.full((len(batch), int(lengths.max())), pad_id, dtype=torch.int64)
    for i, (tokens, _) in enumerate(batch):
        padded[i, : len(tokens)] = tokens
    return padded, lengths, labels

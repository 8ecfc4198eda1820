import torch


def encode_and_pad(sentences, vocab, max_len, pad_id=0, unk_id=1) -> torch.Tensor:
    # 행을 리스트로 모아 텐서로 만듭니다: 문장이 하나도 없으면 모양이 (0,)이 됩니다.
    rows = []
    for tokens in sentences:
        ids = [vocab.get(token, unk_id) for token in tokens[:max_len]]
        rows.append(ids + [pad_id] * (max_len - len(ids)))
    return torch.tensor(rows, dtype=torch.int64)

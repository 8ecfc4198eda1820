import torch


def encode_and_pad(sentences, vocab, max_len, pad_id=0, unk_id=1) -> torch.Tensor:
    """토큰 문장들을 id로 바꾸고 max_len으로 자르거나 오른쪽을 pad_id로 채운 int64 텐서를 반환합니다."""
    # 처음부터 pad_id로 채운 텐서에 각 문장의 id를 왼쪽부터 써 넣습니다.
    out = torch.full((len(sentences), max_len), pad_id, dtype=torch.int64)
    for i, tokens in enumerate(sentences):
        ids = [vocab.get(token, unk_id) for token in tokens[:max_len]]
        out[i, : len(ids)] = torch.tensor(ids, dtype=torch.int64)
    return out

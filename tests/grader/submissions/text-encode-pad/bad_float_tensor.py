# mistake: torch.Tensor(...) builds a float32 tensor, but nn.Embedding needs int64 ids
import torch


def encode_and_pad(sentences, vocab, max_len, pad_id=0, unk_id=1):
    rows = []
    for tokens in sentences:
        ids = [vocab.get(t, unk_id) for t in tokens][:max_len]
        rows.append(ids + [pad_id] * (max_len - len(ids)))
    return torch.Tensor(rows).reshape(len(sentences), max_len)

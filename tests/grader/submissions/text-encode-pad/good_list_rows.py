# correct: Python lists built in a loop, padded with [pad_id] * k, then one torch.tensor call
import torch


def encode_and_pad(sentences, vocab, max_len, pad_id=0, unk_id=1):
    rows = []
    for tokens in sentences:
        ids = []
        for t in tokens[:max_len]:
            ids.append(vocab.get(t, unk_id))
        ids = ids + [pad_id] * (max_len - len(ids))
        rows.append(ids)
    return torch.tensor(rows, dtype=torch.long).reshape(len(sentences), max_len)

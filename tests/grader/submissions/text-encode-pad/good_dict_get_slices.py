# correct: rows built as padded lists with list arithmetic, then one int64 tensor
import torch


def encode_and_pad(sentences, vocab, max_len, pad_id=0, unk_id=1):
    rows = []
    for tokens in sentences:
        known = lambda token: vocab[token] if token in vocab else unk_id  # noqa: E731, SIM401
        ids = list(map(known, tokens))[:max_len]
        rows.append(ids + [pad_id] * (max_len - len(ids)))
    return torch.tensor(rows, dtype=torch.int64).reshape(len(sentences), max_len)

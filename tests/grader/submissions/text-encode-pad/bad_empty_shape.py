# wrong: rows stacked from a list, so no sentences at all give shape (0,), not (0, max_len)
import torch


def encode_and_pad(sentences, vocab, max_len, pad_id=0, unk_id=1):
    rows = []
    for tokens in sentences:
        ids = [vocab.get(tok, unk_id) for tok in tokens[:max_len]]
        rows.append(ids + [pad_id] * (max_len - len(ids)))
    return torch.tensor(rows, dtype=torch.int64)

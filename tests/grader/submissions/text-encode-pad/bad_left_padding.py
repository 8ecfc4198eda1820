# mistake: pads on the left instead of the right
import torch


def encode_and_pad(sentences, vocab, max_len, pad_id=0, unk_id=1):
    rows = []
    for tokens in sentences:
        ids = [vocab.get(t, unk_id) for t in tokens][:max_len]
        rows.append([pad_id] * (max_len - len(ids)) + ids)
    return torch.tensor(rows, dtype=torch.long).reshape(len(sentences), max_len)

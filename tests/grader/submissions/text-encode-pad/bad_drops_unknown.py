# mistake: skips unknown tokens instead of encoding them as unk_id
import torch


def encode_and_pad(sentences, vocab, max_len, pad_id=0, unk_id=1):
    rows = []
    for tokens in sentences:
        ids = [vocab[t] for t in tokens if t in vocab][:max_len]
        rows.append(ids + [pad_id] * (max_len - len(ids)))
    return torch.tensor(rows, dtype=torch.long).reshape(len(sentences), max_len)

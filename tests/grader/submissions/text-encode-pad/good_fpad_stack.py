# correct: per-sentence tensors, F.pad on the right to max_len, then torch.stack
import torch
import torch.nn.functional as F


def encode_and_pad(sentences, vocab, max_len, pad_id=0, unk_id=1):
    if not sentences:
        return torch.empty(0, max_len, dtype=torch.long)
    rows = []
    for tokens in sentences:
        ids = torch.tensor([vocab.get(t, unk_id) for t in tokens], dtype=torch.long)[:max_len]
        rows.append(F.pad(ids, (0, max_len - len(ids)), value=pad_id))
    return torch.stack(rows)

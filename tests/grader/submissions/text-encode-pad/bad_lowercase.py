# wrong: tokens are lower-cased before the lookup, so "Seoul" is not found in the vocabulary
import torch


def encode_and_pad(sentences, vocab, max_len, pad_id=0, unk_id=1):
    out = torch.full((len(sentences), max_len), pad_id, dtype=torch.int64)
    for i, tokens in enumerate(sentences):
        ids = [vocab.get(tok.lower(), unk_id) for tok in tokens[:max_len]]
        out[i, : len(ids)] = torch.tensor(ids, dtype=torch.int64)
    return out

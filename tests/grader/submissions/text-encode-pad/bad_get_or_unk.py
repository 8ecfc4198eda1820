# wrong: `vocab.get(tok) or unk_id` turns a known token whose id is 0 into unk_id
import torch


def encode_and_pad(sentences, vocab, max_len, pad_id=0, unk_id=1):
    out = torch.full((len(sentences), max_len), pad_id, dtype=torch.int64)
    for i, tokens in enumerate(sentences):
        for j, tok in enumerate(tokens[:max_len]):
            out[i, j] = vocab.get(tok) or unk_id
    return out

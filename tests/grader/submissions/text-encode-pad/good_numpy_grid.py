# correct: a NumPy int64 grid filled with pad_id, written cell by cell
import numpy as np
import torch


def encode_and_pad(sentences, vocab, max_len, pad_id=0, unk_id=1):
    grid = np.full((len(sentences), max_len), pad_id, dtype=np.int64)
    for i, tokens in enumerate(sentences):
        for j, token in enumerate(tokens):
            if j >= max_len:
                break
            grid[i, j] = vocab.get(token, unk_id)
    return torch.from_numpy(grid)

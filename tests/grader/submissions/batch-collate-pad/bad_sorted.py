# wrong: sorts the batch by length (as for pack_padded_sequence) and returns it in that order
import torch
from torch.nn.utils.rnn import pad_sequence


def collate_pad(batch, pad_id=0):
    batch = sorted(batch, key=lambda pair: len(pair[0]), reverse=True)
    padded = pad_sequence([t for t, _ in batch], batch_first=True, padding_value=pad_id)
    return padded, torch.tensor([len(t) for t, _ in batch]), torch.tensor([y for _, y in batch])

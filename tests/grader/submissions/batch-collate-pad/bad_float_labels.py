# wrong: float labels
import torch
from torch.nn.utils.rnn import pad_sequence


def collate_pad(batch, pad_id=0):
    padded = pad_sequence([t for t, _ in batch], batch_first=True, padding_value=pad_id)
    lengths = torch.tensor([len(t) for t, _ in batch])
    return padded, lengths, torch.tensor([float(y) for _, y in batch])

# wrong: pads with 0 whatever pad_id is
import torch
from torch.nn.utils.rnn import pad_sequence


def collate_pad(batch, pad_id=0):
    padded = pad_sequence([t for t, _ in batch], batch_first=True)
    return padded, torch.tensor([len(t) for t, _ in batch]), torch.tensor([y for _, y in batch])

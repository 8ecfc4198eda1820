# wrong: pads on the left
import torch


def collate_pad(batch, pad_id=0):
    width = max(len(t) for t, _ in batch)
    padded = torch.full((len(batch), width), pad_id, dtype=torch.long)
    for i, (t, _) in enumerate(batch):
        padded[i, width - len(t) :] = t
    return padded, torch.tensor([len(t) for t, _ in batch]), torch.tensor([y for _, y in batch])

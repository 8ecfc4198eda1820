# correct: each sequence padded with F.pad to the longest, then stacked
import torch
import torch.nn.functional as F


def collate_pad(batch, pad_id=0):
    width = max(t.shape[0] for t, _ in batch)
    rows = [F.pad(t, (0, width - t.shape[0]), value=pad_id) for t, _ in batch]
    return (
        torch.stack(rows).long(),
        torch.tensor([t.shape[0] for t, _ in batch], dtype=torch.long),
        torch.as_tensor([y for _, y in batch], dtype=torch.long),
    )

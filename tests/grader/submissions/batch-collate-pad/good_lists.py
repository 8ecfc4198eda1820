# correct: plain Python lists padded by hand, turned into tensors at the end
import torch


def collate_pad(batch, pad_id=0):
    width = max(len(tokens) for tokens, _ in batch)
    rows, lengths, labels = [], [], []
    for tokens, label in batch:
        ids = tokens.tolist()
        rows.append(ids + [pad_id] * (width - len(ids)))
        lengths.append(len(ids))
        labels.append(label)
    return torch.tensor(rows), torch.tensor(lengths), torch.tensor(labels)

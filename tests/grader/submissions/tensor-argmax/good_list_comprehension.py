# correct: a list comprehension over the rows as Python lists, back to an int64 tensor
import torch


def predict_classes(logits):
    rows = logits.tolist()
    return torch.tensor(
        [max(range(len(row)), key=row.__getitem__) for row in rows], dtype=torch.long
    )

# correct: a Python loop over the rows, collected into an int64 tensor
import torch


def predict_classes(logits):
    return torch.tensor([int(row.argmax()) for row in logits], dtype=torch.long)

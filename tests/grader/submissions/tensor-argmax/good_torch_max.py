# correct: torch.max over dim 1 returns (values, indices); keep the indices
import torch


def predict_classes(logits):
    _, predicted = torch.max(logits, 1)
    return predicted

import torch


def predict_classes(logits):
    probabilities = logits.softmax(dim=0)
    return torch.argmax(probabilities, dim=1)

import torch.nn.functional as F


def predict_classes(logits):
    return F.softmax(logits, 0).argmax(1)

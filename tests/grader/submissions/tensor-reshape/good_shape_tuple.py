# correct: torch.reshape with the batch size read from x.shape
import torch


def to_image_batch(x):
    n = x.shape[0]
    return torch.reshape(x, (n, 1, 28, 28))

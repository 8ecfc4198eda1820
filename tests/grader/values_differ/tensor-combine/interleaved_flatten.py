import torch


def combine(a, b):
    joined = torch.stack([a, b], dim=1).flatten(0, 1)
    return joined, torch.stack([a, b])

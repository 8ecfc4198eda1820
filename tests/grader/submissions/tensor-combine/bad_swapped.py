# mistake: returns (stack, cat) instead of (cat, stack)
import torch


def combine(a, b):
    return torch.stack([a, b]), torch.cat([a, b])

# mistake: puts b before a in both results
import torch


def combine(a, b):
    return torch.cat([b, a], dim=0), torch.stack([b, a], dim=0)

# correct: the sample standard deviation written out, sqrt(sum of squares / (N - 1))
import torch


def standardize(x):
    n = x.shape[0]
    centered = x - x.sum(dim=0) / n
    std = torch.sqrt((centered**2).sum(dim=0) / (n - 1))
    return centered / std

# correct: column sums with einsum, the sample variance written out
import torch


def standardize(x):
    n = x.shape[0]
    ones = torch.ones(n, dtype=x.dtype)
    mean = torch.einsum("n,nf->f", ones, x) / n
    centred = x - mean
    std = (torch.einsum("nf,nf->f", centred, centred) / (n - 1)).sqrt()
    return centred / std

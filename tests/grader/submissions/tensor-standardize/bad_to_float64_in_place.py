# wrong: x.to(torch.float64) is x itself for a float64 input, so the in-place steps change x
import torch


def standardize(x):
    out = x.detach().to(torch.float64)
    out -= out.mean(dim=0)
    out /= out.std(dim=0)
    return out.to(x.dtype)

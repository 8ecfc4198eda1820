# correct: stack written as unsqueeze(0) + cat
import torch


def combine(a, b):
    joined = torch.cat((a, b))
    stacked = torch.cat((a.unsqueeze(0), b.unsqueeze(0)), dim=0)
    return joined, stacked

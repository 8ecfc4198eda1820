# correct: both results written into new tensors with slice assignment
import torch


def combine(a, b):
    rows, cols = a.shape
    joined = a.new_empty(2 * rows, cols)
    joined[:rows] = a
    joined[rows:] = b
    stacked = torch.empty((2, rows, cols), dtype=a.dtype)
    stacked[0], stacked[1] = a, b
    return joined, stacked

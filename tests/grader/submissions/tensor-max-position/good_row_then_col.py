# correct: the maximum of each row first, then the row holding the largest of those
import torch


def max_position(x):
    row_max, row_argmax = torch.max(x, dim=1)
    row = row_max.argmax().item()
    col = row_argmax[row].item()
    return (row, col)

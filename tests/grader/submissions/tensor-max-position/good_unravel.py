# correct: torch.unravel_index turns the flat argmax into (row, col) tensors, then int()
import torch


def max_position(x):
    row, col = torch.unravel_index(x.argmax(), x.shape)
    return int(row), int(col)

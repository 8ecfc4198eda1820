# correct: index_fill_ on dimension 0 with the index tensor [0]
import torch


def fill_first_row(t, value):
    return t.index_fill_(0, torch.tensor([0]), value)

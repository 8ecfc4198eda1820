# mistake: builds a new tensor with torch.cat instead of changing t in place
import torch


def fill_first_row(t, value):
    first = torch.full_like(t[:1], value)
    return torch.cat([first, t[1:]], dim=0)

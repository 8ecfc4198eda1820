# wrong: predicts the training median for every house (the floor: 0 points)
import torch
from torch import nn


class Constant(nn.Module):
    def __init__(self):
        super().__init__()
        self.value = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return self.value.expand(x.shape[0])


def build_model():
    return Constant()


def train(model, x, y):
    with torch.no_grad():
        model.value.fill_(float(y.median()))

# Logistic regression: one logit, statistics kept as plain attributes, manual
# mini-batches from a permutation, a predict() that thresholds the probability.
import torch
import torch.nn.functional as F
from torch import nn


def build_model():
    return nn.Linear(30, 1)


def train(model, x, y):
    model.mu, model.sigma = x.mean(dim=0), x.std(dim=0)
    z = (x - model.mu) / model.sigma
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(100):
        order = torch.randperm(len(z))
        for start in range(0, len(z), 32):
            batch = order[start : start + 32]
            optimizer.zero_grad()
            loss = F.binary_cross_entropy_with_logits(model(z[batch]).squeeze(1), y[batch].float())
            loss.backward()
            optimizer.step()


def predict(model, x):
    probability = torch.sigmoid(model((x - model.mu) / model.sigma)).squeeze(1)
    return (probability > 0.5).long()

# correct: @torch.no_grad() as a decorator, model.train(False) for evaluation mode
import torch


@torch.no_grad()
def evaluate(model, loader):
    model.train(False)
    hits = 0
    seen = 0
    for x, y in loader:
        hits += (model(x).argmax(1) == y).sum().item()
        seen += len(y)
    return float(hits / seen)

# wrong: torch.set_grad_enabled(False) turns autograd off for the caller too and is never undone
import torch


def evaluate(model, loader):
    model.eval()
    torch.set_grad_enabled(False)
    correct = 0
    total = 0
    for x, y in loader:
        correct += (model(x).argmax(dim=1) == y).sum().item()
        total += len(y)
    return correct / total

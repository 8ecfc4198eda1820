# mistake: forgets model.eval(), so dropout stays on and batch norm uses batch statistics
import torch


def evaluate(model, loader):
    correct = 0
    total = 0
    with torch.no_grad():
        for x, y in loader:
            correct += (model(x).argmax(dim=1) == y).sum().item()
            total += y.size(0)
    return correct / total

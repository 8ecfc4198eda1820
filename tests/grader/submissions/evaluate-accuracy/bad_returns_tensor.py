# mistake: returns a 0-d tensor instead of a Python float
import torch


def evaluate(model, loader):
    model.eval()
    correct = torch.tensor(0)
    total = 0
    with torch.no_grad():
        for x, y in loader:
            correct += (model(x).argmax(dim=1) == y).sum()
            total += y.size(0)
    return correct / total

# mistake: evaluates without torch.no_grad(), so autograd records every forward pass
def evaluate(model, loader):
    model.eval()
    correct = 0
    total = 0
    for x, y in loader:
        correct += (model(x).argmax(dim=1) == y).sum().item()
        total += y.size(0)
    return correct / total

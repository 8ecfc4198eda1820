# correct: torch.set_grad_enabled(False), predictions gathered and compared at the end
import torch


def evaluate(model, loader):
    model.train(False)
    predictions, labels = [], []
    with torch.set_grad_enabled(False):
        for x, y in loader:
            predictions.append(torch.max(model(x), 1).indices)
            labels.append(y)
    hits = torch.cat(predictions).eq(torch.cat(labels))
    return hits.double().mean().item()

import torch


def evaluate(model, loader):
    # All hits in one float32 tensor, then its mean: 0.6 comes out as 0.6000000238.
    model.eval()
    hits = []
    with torch.inference_mode():
        for x, y in loader:
            hits.append(model(x).argmax(1) == y)
    return torch.cat(hits).float().mean().item()

# correct: numpy mean of the batch losses, converted to a Python float
import numpy as np


def train_one_epoch(model, loader, criterion, optimizer):
    model.train()
    batch_losses = []
    for x, y in loader:
        optimizer.zero_grad()
        pred = model(x)
        loss = criterion(pred, y)
        loss.backward()
        optimizer.step()
        batch_losses.append(loss.item())
    return float(np.mean(batch_losses))

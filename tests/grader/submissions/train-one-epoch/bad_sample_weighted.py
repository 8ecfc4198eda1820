# mistake: averages per sample (weights each batch by its size), not the mean of the batch losses
def train_one_epoch(model, loader, criterion, optimizer):
    model.train()
    total = 0.0
    samples = 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(x)
        samples += len(x)
    return total / samples

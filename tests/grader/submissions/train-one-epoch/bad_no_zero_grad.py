# mistake: never zeroes the gradients, so they accumulate across batches
def train_one_epoch(model, loader, criterion, optimizer):
    model.train()
    total = 0.0
    count = 0
    for x, y in loader:
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item()
        count += 1
    return total / count

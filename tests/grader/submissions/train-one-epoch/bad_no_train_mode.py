# mistake: never calls model.train(); a model left in eval mode trains without dropout
def train_one_epoch(model, loader, criterion, optimizer):
    total = 0.0
    count = 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item()
        count += 1
    return total / count

# mistake: optimizer.step() before loss.backward(), so each step uses no (or stale) gradients
def train_one_epoch(model, loader, criterion, optimizer):
    model.train()
    total = 0.0
    count = 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        optimizer.step()
        loss.backward()
        total += loss.item()
        count += 1
    return total / count

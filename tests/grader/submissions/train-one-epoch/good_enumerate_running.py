# correct: enumerate with a running sum, zero_grad(set_to_none=True), loss.detach().item()
def train_one_epoch(model, loader, criterion, optimizer):
    model.train(True)
    running = 0.0
    batches = 0
    for i, (x, y) in enumerate(loader):
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        running += loss.detach().item()
        batches = i + 1
    return running / batches

# wrong: gradients zeroed at the end of each step, so gradients the model already held
# when it was handed over leak into the first update
def train_one_epoch(model, loader, criterion, optimizer):
    model.train()
    losses = []
    for x, y in loader:
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(loss.item())
    return sum(losses) / len(losses)

# correct: batches unpacked by index, the model's own zero_grad, losses kept as detached tensors
import torch


def train_one_epoch(model, loader, criterion, optimizer):
    model.train(True)
    losses = []
    for batch in loader:
        model.zero_grad(set_to_none=True)
        loss = criterion(model(batch[0]), batch[1])
        loss.backward()
        optimizer.step()
        losses.append(loss.detach())
    return float(torch.stack(losses).mean())

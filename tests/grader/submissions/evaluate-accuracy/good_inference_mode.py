# correct: torch.inference_mode and torch.max(outputs, 1)
import torch


def evaluate(model, loader):
    model.eval()
    correct, total = 0, 0
    with torch.inference_mode():
        for images, labels in loader:
            outputs = model(images)
            _, predicted = torch.max(outputs, 1)
            total += labels.size(0)
            correct += int((predicted == labels).sum())
    return correct / total

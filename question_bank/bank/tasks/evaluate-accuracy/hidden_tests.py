"""Hidden checks for evaluate-accuracy: eval mode, no gradients, correct / samples over the loader."""

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from grader.probe import Probe


class GradRecorder(nn.Module):
    """Passes its input through and remembers whether gradients were being tracked."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[bool] = []

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.seen.append(torch.is_grad_enabled())
        return x


def _setup(p: Probe, samples: int, batch_size: int, wrong: list[int]):
    """A model with dropout and batch norm, data it gets right except at the `wrong` indices."""
    with p.seeded(samples):
        recorder = GradRecorder()
        model = nn.Sequential(
            recorder, nn.Linear(5, 12), nn.BatchNorm1d(12), nn.ReLU(), nn.Dropout(0.5), nn.Linear(12, 3)
        )
        with torch.no_grad():
            model[2].running_mean.uniform_(-0.5, 0.5)
            model[2].running_var.uniform_(0.5, 1.5)
    x = p.randn(samples, 5)
    model.eval()
    with torch.no_grad():
        labels = model(x).argmax(dim=1)
    for i in wrong:
        labels[i] = (labels[i] + 1) % 3
    recorder.seen.clear()
    model.train()  # the function must switch it to evaluation mode
    return model, DataLoader(TensorDataset(x, labels), batch_size=batch_size), recorder


def probe(p: Probe) -> None:
    evaluate = p.function("evaluate")
    for samples, batch_size, wrong in ((10, 4, [0, 1, 2, 9]), (7, 3, [6])):
        setup = f"{samples} samples in batches of {batch_size}"
        with p.check(f"returns correct / samples over the whole loader as a Python float ({setup})",
                     points=3):
            model, loader, _ = _setup(p, samples, batch_size, wrong)
            with p.seeded(3):
                p.close("accuracy", evaluate(model, loader), atol=1e-9, rtol=0)
        with p.check(f"puts the model in evaluation mode ({setup})", points=2):
            model, loader, _ = _setup(p, samples, batch_size, wrong)
            with p.seeded(3):
                evaluate(model, loader)
            p.observe("model.training after the call", model.training)
        with p.check(f"tracks no gradients while evaluating ({setup})", points=2):
            model, loader, recorder = _setup(p, samples, batch_size, wrong)
            with p.seeded(3):
                evaluate(model, loader)
            p.observe("forward passes that tracked gradients", sum(recorder.seen))

"""The runtime a grading worker loads before any submission: torch, warm, with no GPU.

Both backends use it: the Linux zygote once (its children inherit it by
fork), the portable backend in every single-use worker it spawns.

Submissions are graded on the CPU, deterministically, whatever the machine
has: the worker's environment hides every GPU before torch is imported
(:data:`HIDDEN_GPUS`, set by :func:`grader.workers.worker.zygote_env`), and
:func:`hide_gpus` makes torch say so, so that the course's
``device = "cuda" if torch.cuda.is_available() else "cpu"`` picks the CPU. No
worker initialises CUDA before it forks or spawns: nothing here touches it.
"""

from __future__ import annotations

import contextlib
from typing import Any

OPTIMIZER_WORDS = ("optim", "compile", "_dynamo")
HIDDEN_GPUS = {"CUDA_VISIBLE_DEVICES": "", "HIP_VISIBLE_DEVICES": ""}


def needs_optimizers(*texts: str) -> bool:
    """Whether code that mentions these words may take an optimizer step (worth warming first)."""
    return any(word in text for text in texts for word in OPTIMIZER_WORDS)


def _no_gpu() -> bool:
    return False


def hide_gpus(torch: Any) -> None:
    """Make torch report no CUDA (or ROCm) device and no Apple GPU (MPS), without asking a driver."""
    torch.cuda.is_available = _no_gpu
    with contextlib.suppress(AttributeError):
        torch.backends.mps.is_available = _no_gpu


def import_runtime() -> None:
    """Import torch pinned to one thread, with every GPU hidden (see :func:`hide_gpus`)."""
    import numpy  # noqa: F401
    import torch
    import torch.nn
    import torch.nn.functional
    import torch.utils.data

    hide_gpus(torch)
    torch.set_num_threads(1)
    with contextlib.suppress(RuntimeError):
        torch.set_num_interop_threads(1)


def warm_up() -> None:
    """Run each kind of layer once so that children inherit initialised kernels."""
    import torch
    from torch import nn

    x = torch.randn(2, 1, 28, 28)
    conv = nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(4 * 14 * 14, 3),
        nn.BatchNorm1d(3),
        nn.Dropout(0.1),
    )
    conv(x).sum().backward()
    embed, lstm = (
        nn.Embedding(10, 4, padding_idx=0),
        nn.LSTM(4, 5, batch_first=True, bidirectional=True),
    )
    out, (h, _c) = lstm(embed(torch.randint(0, 10, (2, 3))))
    (out.sum() + h.sum()).backward()
    nn.CrossEntropyLoss()(torch.randn(2, 3), torch.tensor([0, 1]))


def warm_up_optimizers() -> None:
    """The first optimizer step imports torch._dynamo (about a second): done once, on demand."""
    import torch
    from torch import nn

    layer = nn.Linear(3, 2)
    layer(torch.randn(4, 3)).sum().backward()
    for optimizer in (
        torch.optim.SGD(layer.parameters(), lr=0.1, momentum=0.9),
        torch.optim.Adam(layer.parameters(), lr=0.01),
    ):
        optimizer.step()
        optimizer.zero_grad()

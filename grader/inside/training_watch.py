"""What a training run looked like from outside (the sandboxed side of a training task).

The student's ``train`` is a black box; to say *why* it fell short, the child
watches it without changing what it computes:

- the loss functions of ``torch.nn.functional`` (which the loss modules call
  too) are wrapped: each call's value is kept (thinned out on long runs), and
  for the first calls whether their input already holds probabilities —
  rows summing to 1 given to ``cross_entropy`` (a Softmax before
  CrossEntropyLoss), values in 0 … 1 given to the ``*_with_logits`` loss (a
  Sigmoid before BCEWithLogitsLoss);
- one forward hook on the model's first layer with parameters keeps the mean
  absolute value of its outputs while training and while predicting: large
  values mean unstandardised inputs, a jump at prediction means the
  standardisation of training was not applied to the test inputs.

:func:`grader.jobs.training.diagnoses` reads :meth:`Watch.report` in the app's
process. Nothing here raises into student code.
"""

from __future__ import annotations

import functools
import math
from typing import Any

KEPT = 2000  # loss values kept (every n-th once there are more)
CHECKED = 200  # loss calls whose input is inspected
_LOSSES = {
    "cross_entropy": "probabilities",
    "binary_cross_entropy_with_logits": "unit",
    "binary_cross_entropy": None,
    "mse_loss": None,
    "nll_loss": None,
    "l1_loss": None,
    "smooth_l1_loss": None,
}


class Watch:
    def __init__(self) -> None:
        self.losses: list[float] = []
        self.every = 1
        self.calls = 0
        self.kind: str | None = None
        self.checked = 0
        self.probabilities = 0
        self.phase = "train"
        self.first: dict[str, list[float]] = {"train": [0.0, 0.0], "test": [0.0, 0.0]}
        self.columns: int | None = None
        self.predict = False
        self.order_agreement: float | None = None  # predictions kept, the steps shuffled
        self.tail_agreement: float | None = None  # … the last half of the steps shuffled
        self._depth = 0

    # -- the loss ----------------------------------------------------------------

    def install(self, functional: Any) -> None:
        for name, check in _LOSSES.items():
            original = getattr(functional, name, None)
            if callable(original):
                setattr(functional, name, self._wrap(name, original, check))

    def _wrap(self, name: str, original: Any, check: str | None) -> Any:
        @functools.wraps(original)
        def loss(*args: Any, **kwargs: Any) -> Any:
            self._depth += 1
            try:
                value = original(*args, **kwargs)
            finally:
                self._depth -= 1
            if self._depth == 0 and self.phase == "train":
                self._note(name, check, args, value)
            return value

        return loss

    def _note(self, name: str, check: str | None, args: Any, value: Any) -> None:
        try:
            if self.kind is None:
                self.kind = name
            if name != self.kind:
                return
            self.calls += 1
            if value.numel() == 1 and self.calls % self.every == 0:
                self.losses.append(float(value.detach()))
                if len(self.losses) >= KEPT:
                    self.losses = self.losses[::2]
                    self.every *= 2
            if check is not None and self.checked < CHECKED and args:
                self.checked += 1
                if self._looks_like(check, args[0].detach()):
                    self.probabilities += 1
        except Exception:
            return None

    @staticmethod
    def _looks_like(check: str, x: Any) -> bool:
        if x.numel() == 0 or not x.is_floating_point():
            return False
        low, high = float(x.min()), float(x.max())
        if low < 0.0 or high > 1.0:
            return False
        if check == "unit":
            return True
        if x.dim() < 2 or x.shape[1] < 2:
            return False
        return float((x.sum(dim=1) - 1.0).abs().max()) < 1e-3

    # -- the first layer ---------------------------------------------------------

    def watch_first_layer(self, model: Any) -> None:
        try:
            for module in model.modules():
                if not module._modules and any(True for _ in module.parameters(recurse=False)):
                    if type(module).__name__ == "Embedding":
                        return  # token ids: nothing to standardise
                    module.register_forward_hook(self._first_layer)
                    return
        except Exception:
            return None

    def _first_layer(self, module: Any, args: Any, output: Any) -> None:
        try:
            sums = self.first[self.phase]
            sums[0] += float(output.detach().abs().mean())
            sums[1] += 1.0
        except Exception:
            return None

    # -- the report --------------------------------------------------------------

    def report(self) -> dict[str, Any]:
        def mean(phase: str) -> float | None:
            total, count = self.first[phase]
            return round(total / count, 4) if count else None

        return {
            "loss": self.kind,
            "losses": [v if math.isfinite(v) else None for v in self.losses],
            "checked": self.checked,
            "probabilities": self.probabilities,
            "first_train": mean("train"),
            "first_test": mean("test"),
            "columns": self.columns,
            "predict": self.predict,
            "order_agreement": self.order_agreement,
            "tail_agreement": self.tail_agreement,
        }

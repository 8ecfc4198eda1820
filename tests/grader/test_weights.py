"""Copying the reference's weights by layer, name, shape and order (torch runs in this test process)."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from grader.inside.weights import WeightMismatch, fill, parameter_count, slots

SEED = 1234


class Reference(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


class Reordered(nn.Module):
    """Registers the layers in another order than the forward pass uses them."""

    def __init__(self) -> None:
        super().__init__()
        self.head = nn.Linear(8, 3)
        self.norm = nn.BatchNorm1d(8)
        self.body = nn.Linear(4, 8)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(F.relu(self.norm(self.body(x))))


class RawParameters(nn.Module):
    """Plain nn.Parameters and functional calls; hides them from parameters()."""

    def __init__(self) -> None:
        super().__init__()
        self.w1 = nn.Parameter(torch.empty(8, 4))
        self.b1 = nn.Parameter(torch.empty(8))
        self.norm = nn.BatchNorm1d(8)
        self.w2 = nn.Parameter(torch.empty(3, 8))
        self.b2 = nn.Parameter(torch.empty(3))

    def parameters(self, recurse: bool = True):  # type: ignore[no-untyped-def, override]
        return iter([])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(F.relu(self.norm(F.linear(x, self.w1, self.b1))), self.w2, self.b2)


def _outputs(model: nn.Module, x: torch.Tensor, train: bool) -> torch.Tensor:
    model.train(train)
    with torch.no_grad():
        return model(x)


@pytest.mark.parametrize("style", [Reordered, RawParameters])
@pytest.mark.parametrize("train", [False, True])
def test_a_correct_model_in_another_style_computes_the_same_function(
    style: type[nn.Module], train: bool
) -> None:
    reference = Reference()
    described = [slot for _j, slot, _t, _p in fill(reference, None, SEED)]
    submitted = style()
    fill(submitted, described, SEED)
    x = torch.randn(6, 4)
    assert torch.allclose(_outputs(submitted, x, train), _outputs(reference, x, train), atol=1e-6)


def test_parameters_are_counted_even_when_parameters_is_overridden() -> None:
    assert (
        parameter_count(RawParameters())
        == parameter_count(Reference())
        == 4 * 8 + 8 + 16 + 8 * 3 + 3
    )


def test_running_statistics_are_filled_and_positive() -> None:
    model = Reference()
    fill(model, None, SEED)
    norm = model.net[1]
    assert isinstance(norm, nn.BatchNorm1d)
    assert norm.running_var is not None and bool((norm.running_var > 0).all())
    assert [slot.name for slot, _t, _p in slots(model) if slot.buffer] == [
        "running_mean",
        "running_var",
    ]


def test_a_model_with_other_shapes_is_refused_with_both_sides_named() -> None:
    described = [slot for _j, slot, _t, _p in fill(Reference(), None, SEED)]
    wrong = nn.Sequential(nn.Linear(4, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 3))
    with pytest.raises(WeightMismatch) as raised:
        fill(wrong, described, SEED)
    message = str(raised.value)
    assert "the reference has Linear.weight (8, 4)" in message
    assert "your model has Linear.weight (16, 4)" in message


def test_missing_running_statistics_are_tolerated() -> None:
    described = [slot for _j, slot, _t, _p in fill(Reference(), None, SEED)]
    no_stats = nn.Sequential(
        nn.Linear(4, 8), nn.BatchNorm1d(8, track_running_stats=False), nn.ReLU(), nn.Linear(8, 3)
    )
    filled = fill(no_stats, described, SEED)
    assert len(filled) == 6

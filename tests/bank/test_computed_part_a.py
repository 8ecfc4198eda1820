"""Part A of the bank (tensors, ML basics, DNN basics, optimizers, data loaders), recomputed.

Why: students learn from these items, so every shape, parameter count, loss value or
PyTorch behaviour an item states is rebuilt here with real torch objects instead of
being trusted as typed. Three tables:

- ``COMPUTED``: item id → function returning the value the item states. Numeric items
  must equal it (within their tolerance); choice and short-answer items must state it
  in the right answer and in no wrong choice.
- ``CLAIMS``: true/false item id → function returning whether the claim holds in torch.
- ``CHOICE_CHECKS``: choice items whose choices are code: each choice is evaluated and
  the right answers must be exactly the choices that behave as the prompt asks.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from torch import nn, optim
from torch.utils.data import DataLoader, Dataset, TensorDataset, random_split

from question_bank import (
    Bank,
    MultipleChoice,
    Numeric,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)

PART_A_FILES = {
    "01-tensor.yaml",
    "02-ml-basics.yaml",
    "03-dnn-basics.yaml",
    "04-optimizer-dataloader.yaml",
}

Value = float | int | str | tuple[int, ...]


def _shape(t: torch.Tensor) -> tuple[int, ...]:
    return tuple(t.shape)


def _count_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def _mnist_mlp() -> nn.Sequential:
    return nn.Sequential(
        nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10)
    )


def _neuron(weights: list[float], bias: float) -> nn.Linear:
    layer = nn.Linear(len(weights), 1)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor([weights]))
        layer.bias.fill_(bias)
    return layer


def _relu_neuron_output(x: list[float], weights: list[float], bias: float) -> float:
    return torch.relu(_neuron(weights, bias)(torch.tensor(x, dtype=torch.float32))).item()


def _sgd_one_step() -> float:
    w = torch.tensor(1.0, requires_grad=True)
    opt = optim.SGD([w], lr=0.1)
    opt.zero_grad()
    ((w - 3) ** 2).backward()
    opt.step()
    return w.item()


def _grad_after_two_backwards() -> float:
    w = torch.tensor(2.0, requires_grad=True)
    for _ in range(2):
        (3 * w).backward()
    assert w.grad is not None
    return w.grad.item()


def _range_dataset(n: int) -> TensorDataset:
    return TensorDataset(torch.arange(n, dtype=torch.float32))


def _last_batch_size(n: int, batch_size: int) -> int:
    sizes = [len(batch[0]) for batch in DataLoader(_range_dataset(n), batch_size=batch_size)]
    return sizes[-1]


def _first_batch_x_shape() -> tuple[int, ...]:
    ds = TensorDataset(torch.randn(1000, 20), torch.randint(0, 2, (1000,)))
    x, _ = next(iter(DataLoader(ds, batch_size=32, shuffle=True)))
    return _shape(x)


def _split_sizes() -> int:
    train, _ = random_split(_range_dataset(1000), [0.8, 0.2])
    return len(train)


def _loss(loss_fn: nn.Module, pred: list[float], target: list[float]) -> float:
    return loss_fn(torch.tensor(pred), torch.tensor(target)).item()


COMPUTED: dict[str, Callable[[], Value]] = {
    # 파이토치 텐서
    "tensor-numel-after-reshape": lambda: torch.zeros(64, 784).reshape(-1, 1, 28, 28).shape[0],
    "tensor-numel": lambda: torch.rand(2, 3, 4).numel(),
    "tensor-squeeze-ndim": lambda: torch.zeros(1, 3, 1, 5).squeeze().ndim,
    "tensor-unsqueeze-shape": lambda: _shape(torch.zeros(3, 4).unsqueeze(1)),
    "tensor-argmax-flat": lambda: torch.tensor([[3, 1, 4], [1, 5, 9]]).argmax().item(),
    "tensor-int-dtype": lambda: str(torch.tensor([1, 2, 3]).dtype),
    "tensor-broadcast-numel": lambda: (torch.ones(3, 1) + torch.ones(1, 4)).numel(),
    "tensor-matmul-shape": lambda: _shape(torch.rand(2, 3) @ torch.rand(3, 4)),
    "tensor-permute-shape": lambda: _shape(torch.zeros(8, 28, 28, 3).permute(0, 3, 1, 2)),
    "tensor-sum-dim0": lambda: torch.tensor([[1, 2, 3], [4, 5, 6]]).sum(dim=0)[-1].item(),
    "tensor-keepdim-shape": lambda: _shape(torch.rand(4, 5).mean(dim=1, keepdim=True)),
    "tensor-negative-index": lambda: torch.arange(12).reshape(3, 4)[-1, -2].item(),
    "tensor-slice-shape": lambda: _shape(torch.arange(12).reshape(3, 4)[:, 1:3]),
    # 심층신경망 / 뉴런
    "dnn-param-count-small": lambda: _count_params(
        nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
    ),
    "dnn-param-count-mnist": lambda: _count_params(_mnist_mlp()),
    "dnn-hidden-layer-count": lambda: sum(isinstance(m, nn.Linear) for m in _mnist_mlp()) - 1,
    "dnn-output-numel": lambda: _mnist_mlp()(torch.zeros(32, 784)).numel(),
    "dnn-neuron-linear-params": lambda: _count_params(nn.Linear(3, 1)),
    "dnn-neuron-output-relu": lambda: _relu_neuron_output([1, 2, 3], [0.5, -1, 2], 1.0),
    "dnn-neuron-output-negative": lambda: _relu_neuron_output([2, 1], [1, -3], 0.5),
    "dnn-neuron-sigmoid-output": lambda: torch.sigmoid(
        _neuron([2, -2], 0.0)(torch.tensor([1.0, 1.0]))
    ).item(),
    "dnn-neuron-weight-shape": lambda: nn.Linear(784, 128).weight.shape[0],
    # 손실함수
    "loss-mse-value": lambda: _loss(nn.MSELoss(), [2.0, 4.0], [1.0, 1.0]),
    "loss-mae-value": lambda: _loss(nn.L1Loss(), [2.0, 4.0], [1.0, 1.0]),
    "loss-ce-uniform": lambda: nn.CrossEntropyLoss()(torch.zeros(1, 4), torch.tensor([2])).item(),
    # 최적화도구
    "opt-sgd-step": _sgd_one_step,
    "opt-grad-accumulate": _grad_after_two_backwards,
    # 데이터로더
    "data-len-batches": lambda: len(DataLoader(_range_dataset(1050), batch_size=100)),
    "data-len-drop-last": lambda: len(
        DataLoader(_range_dataset(1050), batch_size=100, drop_last=True)
    ),
    "data-last-batch-size": lambda: _last_batch_size(1050, 64),
    "data-batch-shape": _first_batch_x_shape,
    "data-random-split": _split_sizes,
    "data-updates-per-epoch": lambda: len(DataLoader(_range_dataset(1000), batch_size=50)),
}


def _view_of_transpose_works() -> bool:
    try:
        torch.arange(12).reshape(3, 4).t().view(-1)
    except RuntimeError:
        return False
    return True


def _from_numpy_shares_memory() -> bool:
    arr = np.zeros(3)
    t = torch.from_numpy(arr)
    arr[0] = 99
    return t[0].item() == 99


def _row_assign_changes_original() -> bool:
    a = torch.zeros(2, 3)
    b = torch.zeros(2, 3)
    a[0][:] = 100
    b[0, :] = 100
    return bool((a[0] == 100).all() and (b[0] == 100).all())


def _stacked_linears_are_one_linear() -> bool:
    torch.manual_seed(0)
    first, second = nn.Linear(5, 7), nn.Linear(7, 3)
    x = torch.randn(10, 5)
    with torch.no_grad():
        weight = second.weight @ first.weight
        bias = second.weight @ first.bias + second.bias
        return torch.allclose(second(first(x)), x @ weight.T + bias, atol=1e-5)


def _ce_takes_class_indices() -> bool:
    logits = torch.randn(4, 3)
    target = torch.tensor([0, 2, 1, 2])
    return target.dtype == torch.int64 and nn.CrossEntropyLoss()(logits, target).ndim == 0


def _ce_equals_logsoftmax_nll() -> bool:
    torch.manual_seed(0)
    logits, target = torch.randn(6, 4), torch.randint(0, 4, (6,))
    ce = nn.CrossEntropyLoss()(logits, target)
    nll = nn.NLLLoss()(torch.log_softmax(logits, dim=1), target)
    return torch.allclose(ce, nll)


def _softmax_before_ce_changes_loss() -> bool:
    """Whether adding Softmax before CrossEntropyLoss gives the same loss (it must not)."""
    torch.manual_seed(0)
    logits, target = torch.randn(6, 4) * 3, torch.randint(0, 4, (6,))
    plain = nn.CrossEntropyLoss()(logits, target)
    doubled = nn.CrossEntropyLoss()(torch.softmax(logits, dim=1), target)
    return bool(torch.isclose(plain, doubled))


def _adam_default_lr_is_1e_2() -> bool:
    lr = optim.Adam([torch.zeros(1, requires_grad=True)]).defaults["lr"]
    assert lr == 0.001
    return bool(lr == 0.01)


def _dataloader_default_batch_is_32() -> bool:
    size = DataLoader(_range_dataset(5)).batch_size
    assert size == 1
    return size == 32


def _module_to_is_in_place_but_tensor_to_is_not() -> bool:
    layer = nn.Linear(2, 2)
    t = torch.zeros(2)
    return (
        layer.to(torch.float64) is layer
        and t.to(torch.float64) is not t
        and t.dtype == torch.float32
    )


CLAIMS: dict[str, Callable[[], bool]] = {
    "tensor-view-noncontiguous": _view_of_transpose_works,
    "tensor-from-numpy-shares": _from_numpy_shares_memory,
    "tensor-row-assign-copy": _row_assign_changes_original,
    "dnn-linear-stack-tf": lambda: _stacked_linears_are_one_linear(),
    "loss-ce-target": _ce_takes_class_indices,
    "loss-ce-no-softmax": _softmax_before_ce_changes_loss,
    "loss-ce-is-logsoftmax-nll": _ce_equals_logsoftmax_nll,
    "opt-adam-default-lr": _adam_default_lr_is_1e_2,
    "data-default-batch": _dataloader_default_batch_is_32,
    "tensor-to-returns-new": _module_to_is_in_place_but_tensor_to_is_not,
}


class _SquaresDataset(Dataset[tuple[int, int]]):
    """Stand-in for a learner's custom Dataset, used by the dataset-method check."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, idx: int) -> tuple[int, int]:
        return idx, idx * idx


def _env(**names: Any) -> Callable[[], dict[str, Any]]:
    return lambda: {"torch": torch, "nn": nn, "optim": optim, **names}


def _params() -> list[torch.Tensor]:
    return [torch.zeros(2, requires_grad=True)]


CHOICE_CHECKS: dict[str, tuple[Callable[[], dict[str, Any]], Callable[[Any], bool]]] = {
    "tensor-reshape-equivalents": (
        _env(x=torch.arange(12)),
        lambda result: _shape(result) == (3, 4),
    ),
    "tensor-float-dtype": (_env(), lambda result: result.dtype == torch.float32),
    "opt-nesterov-arg": (
        _env(params=_params()),
        lambda result: (
            isinstance(result, optim.Optimizer) and result.defaults.get("nesterov") is True
        ),
    ),
}


def _evaluates_true(expr: str, env: dict[str, Any], predicate: Callable[[Any], bool]) -> bool:
    code = expr.strip().strip("`")
    try:
        return bool(predicate(eval(code, env)))
    except (RuntimeError, TypeError, ValueError):
        return False


def _part_a_ids(bank: Bank) -> list[str]:
    return [i for i, loc in bank.where.items() if Path(loc.path).name in PART_A_FILES]


def _fmt(value: Value) -> str:
    return str(value)


@pytest.mark.parametrize("item_id", sorted(COMPUTED))
def test_stated_value_is_computed(bank: Bank, item_id: str) -> None:
    item = bank.items[item_id]
    value = COMPUTED[item_id]()
    if isinstance(item, Numeric):
        assert item.answer == pytest.approx(value, abs=item.tolerance, rel=1e-6)
    elif isinstance(item, SingleChoice):
        stated = [choice for choice in item.choices if _fmt(value) in choice]
        assert stated == [item.answer], f"{_fmt(value)!r} should appear only in the answer"
    elif isinstance(item, ShortAnswer):
        assert _fmt(value) in item.answers
    else:
        pytest.fail(f"{item_id} is a {item.type}; COMPUTED covers numeric, choice and short answer")


@pytest.mark.parametrize("item_id", sorted(CLAIMS))
def test_true_false_claim_holds_in_torch(bank: Bank, item_id: str) -> None:
    item = bank.items[item_id]
    assert isinstance(item, TrueFalse)
    assert item.answer is CLAIMS[item_id]()


@pytest.mark.parametrize("item_id", sorted(CHOICE_CHECKS))
def test_code_choices_are_right_exactly_when_they_work(bank: Bank, item_id: str) -> None:
    item = bank.items[item_id]
    assert isinstance(item, SingleChoice | MultipleChoice)
    make_env, predicate = CHOICE_CHECKS[item_id]
    working = {c for c in item.choices if _evaluates_true(c, make_env(), predicate)}
    expected = set(item.answers) if isinstance(item, MultipleChoice) else {item.answer}
    assert working == expected


def test_custom_dataset_needs_only_len_and_getitem() -> None:
    """Backs data-dataset-methods: a Dataset with __len__ and __getitem__ batches fine."""
    batches = list(DataLoader(_SquaresDataset(5), batch_size=2))
    assert [b[1].tolist() for b in batches] == [[0, 1], [4, 9], [16]]


def test_every_part_a_number_is_checked(bank: Bank) -> None:
    """Numeric items are computed here, or tagged from-notes when they count the notes' facts."""
    ids = _part_a_ids(bank)
    assert ids, "part A files were not found in the bundled bank"
    unchecked = [
        i
        for i in ids
        if isinstance(bank.items[i], Numeric)
        and i not in COMPUTED
        and "from-notes" not in bank.items[i].tags
    ]
    assert unchecked == []


def test_cross_entropy_of_uniform_logits_is_log_classes() -> None:
    """The explanation of loss-ce-uniform says uniform logits give ln(C)."""
    assert COMPUTED["loss-ce-uniform"]() == pytest.approx(math.log(4), rel=1e-6)

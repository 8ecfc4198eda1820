"""Items added in the second content pass (issue 14), recomputed with torch.

- ``CLAIMS``: true/false item id → function returning whether the statement holds.
- ``CHOICE_TRUTH``: multiple-choice item id → {choice: function returning whether the
  choice holds}; the item's answers must be exactly the choices that hold.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import torch
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset

from question_bank import Bank, MultipleChoice, TrueFalse


def _fails(action: Callable[[], object]) -> bool:
    try:
        action()
    except (RuntimeError, IndexError):
        return True
    return False


def sigmoid_grad_exceeds_one() -> bool:
    x = torch.linspace(-20, 20, 4001, requires_grad=True)
    torch.sigmoid(x).sum().backward()
    assert x.grad is not None
    assert abs(x.grad.max().item() - 0.25) < 1e-6
    return bool(x.grad.max() > 1)


def relu_grad_takes_values_between() -> bool:
    x = torch.linspace(-3, 3, 601, requires_grad=True)
    torch.relu(x).sum().backward()
    assert x.grad is not None
    return set(x.grad.unique().tolist()) != {0.0, 1.0}


def relu_never_negative() -> bool:
    return bool((torch.relu(torch.randn(10_000) * 100) >= 0).all())


def cross_entropy_never_negative() -> bool:
    torch.manual_seed(0)
    logits = torch.randn(1000, 5) * 50
    target = logits.argmax(dim=1)  # the easiest targets give the smallest losses
    return bool((nn.CrossEntropyLoss(reduction="none")(logits, target) >= 0).all())


def step_works_without_backward() -> bool:
    layer = nn.Linear(3, 1)
    before = [p.detach().clone() for p in layer.parameters()]
    opt = optim.SGD(layer.parameters(), lr=0.1)
    opt.zero_grad()
    layer(torch.randn(4, 3)).pow(2).mean()  # the loss, but no backward()
    opt.step()
    return any(not torch.equal(a, b) for a, b in zip(before, layer.parameters(), strict=True))


def last_batch_fails() -> bool:
    data = TensorDataset(torch.arange(10.0))
    sizes = [len(batch[0]) for batch in DataLoader(data, batch_size=4)]
    assert sizes == [4, 4, 2]
    assert [len(b[0]) for b in DataLoader(data, batch_size=4, drop_last=True)] == [4, 4]
    return False  # iterating raised nothing


def lstm_gates_between_0_and_1() -> bool:
    torch.manual_seed(0)
    cell = nn.LSTMCell(3, 4)
    x, h = torch.randn(64, 3) * 10, torch.randn(64, 4) * 10
    gates = x @ cell.weight_ih.T + cell.bias_ih + h @ cell.weight_hh.T + cell.bias_hh
    i, f, _, o = gates.chunk(4, dim=1)
    values = torch.sigmoid(torch.cat([i, f, o], dim=1))
    return bool(((values >= 0) & (values <= 1)).all())


def dropout_eval_is_identity() -> bool:
    drop = nn.Dropout(p=0.5)
    x = torch.randn(1000)
    drop.train()
    kept = drop(x)
    assert torch.allclose(kept[kept != 0], x[kept != 0] * 2)  # scaled while training
    drop.eval()
    return torch.equal(drop(x), x)


CLAIMS: dict[str, Callable[[], bool]] = {
    "act-sigmoid-grad-explode": sigmoid_grad_exceeds_one,
    "act-relu-grad-values": relu_grad_takes_values_between,
    "act-relu-never-negative": relu_never_negative,
    "loss-ce-never-negative": cross_entropy_never_negative,
    "opt-step-without-backward": step_works_without_backward,
    "data-last-batch-smaller": last_batch_fails,
    "lstm-gates-always-between": lstm_gates_between_0_and_1,
    "fit-dropout-eval-identity": dropout_eval_is_identity,
}


def _softmax() -> tuple[torch.Tensor, torch.Tensor]:
    torch.manual_seed(1)
    logits = torch.randn(50, 6) * 5
    return logits, torch.softmax(logits, dim=1)


def _eval_model() -> tuple[nn.Module, nn.Module]:
    model = nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4), nn.Dropout(0.5))
    return model, model.eval()


def _params(layer: nn.Module) -> bool:
    return sum(p.numel() for p in layer.parameters()) > 0


_emb = nn.Embedding(10, 4)
_x = torch.arange(6)

CHOICE_TRUTH: dict[str, dict[str, Callable[[], bool]]] = {
    "model-softmax-row-sum": {
        "각 열 `p[:, j]`의 합이 1이다": lambda: bool(
            torch.allclose(_softmax()[1].sum(dim=0), torch.ones(6))
        ),
        "각 행 `p[i]`의 합은 로짓 값과 상관없이 항상 1이다(부동소수 오차 범위 안에서)": lambda: (
            bool(torch.allclose(_softmax()[1].sum(dim=1), torch.ones(50)))
        ),
        "로짓이 음수인 자리의 확률은 0이다": lambda: bool(
            (_softmax()[1][_softmax()[0] < 0] == 0).any()
        ),
        "`p.argmax(dim=1)`과 `logits.argmax(dim=1)`은 다를 수 있다": lambda: (
            not torch.equal(_softmax()[1].argmax(dim=1), _softmax()[0].argmax(dim=1))
        ),
    },
    "fit-eval-what-changes": {
        "모든 파라미터의 `requires_grad`가 False가 된다": lambda: (
            not any(p.requires_grad for p in _eval_model()[1].parameters())
        ),
        "이후 연산의 기울기 기록이 꺼져 `torch.no_grad()`가 필요 없어진다": lambda: (
            not _eval_model()[1](torch.randn(2, 4)).requires_grad
        ),
        "드롭아웃과 배치 정규화가 평가용 동작으로 바뀐다": lambda: all(
            not m.training for m in _eval_model()[1].modules()
        ),
        "모델이 평가 데이터로 추론해 정확도를 돌려준다": lambda: (
            not isinstance(_eval_model()[1], nn.Module)
        ),
    },
    "pool-what-has-params": {
        "`nn.MaxPool2d(2)`": lambda: _params(nn.MaxPool2d(2)),
        "`nn.ReLU()`": lambda: _params(nn.ReLU()),
        "`nn.Flatten()`": lambda: _params(nn.Flatten()),
        "`nn.Conv2d(1, 8, 3)`": lambda: _params(nn.Conv2d(1, 8, 3)),
    },
    "emb-lookup-facts": {
        "`emb.weight`의 모양은 (4, 10)이다": lambda: tuple(_emb.weight.shape) == (4, 10),
        "`emb(torch.tensor([10]))`은 오류 없이 0 벡터를 돌려준다": lambda: (
            not _fails(lambda: _emb(torch.tensor([10])))
        ),
        "`emb(torch.tensor([[1, 2, 3]]))`의 출력 모양은 (1, 3, 4)이다": lambda: (
            tuple(_emb(torch.tensor([[1, 2, 3]])).shape) == (1, 3, 4)
        ),
        "실수 텐서 `torch.tensor([1.0, 2.0])`도 입력으로 넣을 수 있다": lambda: (
            not _fails(lambda: _emb(torch.tensor([1.0, 2.0])))
        ),
    },
    "tensor-view-shares": {
        "`y`는 `x`의 복사본이라 `x`와 메모리를 공유하지 않는다": lambda: (
            _x.view(2, 3).data_ptr() != _x.data_ptr()
        ),
        "`y.shape`는 `(3, 2)`이다": lambda: tuple(_x.view(2, 3).shape) == (3, 2),
        "`y[0, 0] = 100`을 하면 `x[0]`도 100이 된다": lambda: _view_write_shows(),
        "`x.view(4, 2)`도 오류 없이 된다": lambda: not _fails(lambda: _x.view(4, 2)),
    },
}


def _view_write_shows() -> bool:
    x = torch.arange(6)
    y = x.view(2, 3)
    y[0, 0] = 100
    return int(x[0]) == 100


@pytest.mark.parametrize("item_id", sorted(CLAIMS))
def test_true_false_claim_holds_in_torch(bank: Bank, item_id: str) -> None:
    item = bank.items[item_id]
    assert isinstance(item, TrueFalse)
    assert item.answer is CLAIMS[item_id]()


@pytest.mark.parametrize("item_id", sorted(CHOICE_TRUTH))
def test_right_choices_are_exactly_those_that_hold(bank: Bank, item_id: str) -> None:
    item = bank.items[item_id]
    assert isinstance(item, MultipleChoice)
    truth = CHOICE_TRUTH[item_id]
    assert set(truth) == set(item.choices)
    assert {c for c, holds in truth.items() if holds()} == set(item.answers)

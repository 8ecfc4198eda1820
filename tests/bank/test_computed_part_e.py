"""Items whose choices or explanations the third review (issue 14, item 7) re-read against torch.

Parts A-D recompute every number; this part covers the choice items whose right answer is
a code behaviour (which target makes a loss fail, which module has parameters, …) and the
facts the review changed. Three tables:

- ``SINGLE_TRUTH``: single-choice item id → {choice: function returning whether the choice
  holds}; exactly one choice may hold, and it must be the item's answer.
- ``CHOICE_TRUTH``: multiple-choice item id → {choice: function returning whether the choice
  holds}; the item's answers must be exactly the choices that hold.
- ``CLAIMS``: true/false item id → function returning whether the statement holds.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import torch
from torch import nn, optim

from question_bank import Bank, MultipleChoice, SingleChoice, TrueFalse, load_bank

Check = Callable[[], bool]


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


def _fails(action: Callable[[], object]) -> bool:
    try:
        action()
    except (RuntimeError, ValueError, TypeError, IndexError):
        return True
    return False


def _n_params(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def _ce_fails(target: torch.Tensor) -> bool:
    return _fails(lambda: nn.CrossEntropyLoss()(torch.randn(3, 4), target))


def _bce_works(target: torch.Tensor) -> bool:
    return not _fails(lambda: nn.BCELoss()(torch.rand(8, 1), target))


def _bn_on_outlier() -> tuple[nn.BatchNorm1d, torch.Tensor, torch.Tensor]:
    """A fresh BatchNorm1d in training mode, fed 99 ordinary values and one outlier."""
    torch.manual_seed(0)
    bn = nn.BatchNorm1d(3)
    with torch.no_grad():
        bn.weight.fill_(2.0)
        bn.bias.fill_(0.5)
    x = torch.cat([torch.randn(99, 3), torch.full((1, 3), 1000.0)])
    return bn, x, bn(x).detach()


def _bn_standardizes_then_scales() -> bool:
    bn, x, y = _bn_on_outlier()
    mean, var = x.mean(dim=0), x.var(dim=0, unbiased=False)
    return torch.allclose(y, (x - mean) / torch.sqrt(var + bn.eps) * 2.0 + 0.5, atol=1e-4)


def _bn_clips_outliers() -> bool:
    _, _, y = _bn_on_outlier()
    return bool(((y - 0.5) / 2.0).abs().max() < 4)  # the outlier stays about 10 deviations out


def _bn_min_max_scales() -> bool:
    _, _, y = _bn_on_outlier()
    return bool(((y >= 0) & (y <= 1)).all())


def _bn_normalizes_weight_rows() -> bool:
    bn, _, _ = _bn_on_outlier()
    return torch.allclose(bn.weight.abs(), torch.ones(3))  # γ is left as set: BN rescales no weight


def _head_trains(make: Callable[[nn.Module], optim.Optimizer]) -> bool:
    """Whether the optimizer builds and one step changes the new head of a frozen model."""
    model = nn.Module()
    model.features = nn.Linear(3, 4)
    model.classifier = nn.Linear(4, 2)
    for p in model.features.parameters():
        p.requires_grad = False
    try:
        optimizer = make(model)
    except TypeError:
        return False
    before = model.classifier.weight.detach().clone()
    model.classifier(model.features(torch.randn(8, 3))).pow(2).mean().backward()
    optimizer.step()
    return not torch.equal(before, model.classifier.weight)


def _lstm_returns(shape_of: Callable[[object], bool]) -> bool:
    return shape_of(nn.LSTM(3, 4)(torch.randn(5, 2, 3)))


def _is_output_then_pair(result: object) -> bool:
    match result:
        case (torch.Tensor(), (torch.Tensor(), torch.Tensor())):
            return True
    return False


SINGLE_TRUTH: dict[str, dict[str, Check]] = {
    "lstm-m-return-value": {
        "(output, h_n, c_n)를 하나로 이어 붙인 텐서": lambda: _lstm_returns(
            lambda r: isinstance(r, torch.Tensor)
        ),
        "h_n만": lambda: _lstm_returns(lambda r: isinstance(r, torch.Tensor)),
        "output, h_n": lambda: _lstm_returns(
            lambda r: isinstance(r, tuple) and all(isinstance(t, torch.Tensor) for t in r)
        ),
        "output, (h_n, c_n)": lambda: _lstm_returns(_is_output_then_pair),
    },
    "transfer-optimizer-head-only": {
        "`optim.Adam(model.classifier.state_dict(), lr=1e-3)`": lambda: _head_trains(
            lambda m: optim.Adam(m.classifier.state_dict(), lr=1e-3)
        ),
        "`optim.Adam(model.features.parameters(), lr=1e-3)`": lambda: _head_trains(
            lambda m: optim.Adam(m.features.parameters(), lr=1e-3)
        ),
        "`optim.Adam(model.classifier, lr=1e-3)`": lambda: _head_trains(
            lambda m: optim.Adam(m.classifier, lr=1e-3)  # type: ignore[arg-type]
        ),
        "`optim.Adam(model.classifier.parameters(), lr=1e-3)`": lambda: _head_trains(
            lambda m: optim.Adam(m.classifier.parameters(), lr=1e-3)
        ),
    },
    "bn-what-it-does": {
        "미니 배치의 특징별 평균·분산으로 표준화한 뒤, 학습되는 γ를 곱하고 β를 더한다": (
            _bn_standardizes_then_scales
        ),
        "분포를 정규분포로 바꾸고 이상치를 잘라 낸다": _bn_clips_outliers,
        "학습 전에 입력 데이터 전체의 최솟값·최댓값으로 한 번만 0~1 범위로 바꾸는 전처리 단계다": (
            _bn_min_max_scales
        ),
        "층의 입력이 아니라 가중치 행렬의 각 행을 길이 1로 정규화해, 기울기 크기를 안정시킨다": (
            _bn_normalizes_weight_rows
        ),
    },
    "model-ce-target-error": {
        "torch.tensor([3, 3, 0])": lambda: _ce_fails(torch.tensor([3, 3, 0])),
        "torch.tensor([1, 0, 2])": lambda: _ce_fails(torch.tensor([1, 0, 2])),
        "torch.tensor([1.0, 0.0, 2.0])": lambda: _ce_fails(torch.tensor([1.0, 0.0, 2.0])),
        "torch.tensor([0, 1, 2], dtype=torch.long)": lambda: _ce_fails(
            torch.tensor([0, 1, 2], dtype=torch.long)
        ),
    },
    "model-bce-target": {
        "모양 (8, 1)의 float 텐서 (값은 0.0 또는 1.0)": lambda: _bce_works(
            torch.randint(0, 2, (8, 1)).float()
        ),
        "모양 (8,)의 1차원 float 텐서 (값은 0.0 또는 1.0)": lambda: _bce_works(
            torch.randint(0, 2, (8,)).float()
        ),
        "모양 (8, 2)의 원-핫 float 텐서 (값은 0.0 또는 1.0)": lambda: _bce_works(
            nn.functional.one_hot(torch.randint(0, 2, (8,)), 2).float()
        ),
        "모양 (8, 1)의 int64 텐서 (값은 클래스 번호 0 또는 1)": lambda: _bce_works(
            torch.randint(0, 2, (8, 1))
        ),
    },
}

_FEATURES = torch.zeros(5, 64, 7, 7)


def _flattens_per_sample(flatten: Callable[[torch.Tensor], torch.Tensor]) -> bool:
    return tuple(flatten(_FEATURES).shape) == (5, 3136)


CHOICE_TRUTH: dict[str, dict[str, Check]] = {
    "cnn-flatten-ways": {
        "torch.flatten(x)": lambda: _flattens_per_sample(torch.flatten),
        "x.view(-1)": lambda: _flattens_per_sample(lambda x: x.view(-1)),
        "torch.flatten(x, 1)": lambda: _flattens_per_sample(lambda x: torch.flatten(x, 1)),
        "x.view(x.size(0), -1)": lambda: _flattens_per_sample(lambda x: x.view(x.size(0), -1)),
        "nn.Flatten()(x)": lambda: _flattens_per_sample(nn.Flatten()),
    },
    "model-modules-with-params": {
        "nn.Linear(10, 5)": lambda: _n_params(nn.Linear(10, 5)) > 0,
        "nn.Dropout(0.3)": lambda: _n_params(nn.Dropout(0.3)) > 0,
        "nn.ReLU()": lambda: _n_params(nn.ReLU()) > 0,
        "nn.Flatten()": lambda: _n_params(nn.Flatten()) > 0,
        "nn.Sigmoid()": lambda: _n_params(nn.Sigmoid()) > 0,
        "nn.BatchNorm1d(5)": lambda: _n_params(nn.BatchNorm1d(5)) > 0,
    },
}

CLAIMS: dict[str, Check] = {}


@pytest.mark.parametrize("item_id", sorted(SINGLE_TRUTH))
def test_the_answer_is_the_one_choice_that_holds(bank: Bank, item_id: str) -> None:
    item = bank.items[item_id]
    assert isinstance(item, SingleChoice)
    truth = SINGLE_TRUTH[item_id]
    assert set(truth) == set(item.choices)
    assert [c for c, holds in truth.items() if holds()] == [item.answer]


@pytest.mark.parametrize("item_id", sorted(CHOICE_TRUTH))
def test_right_choices_are_exactly_those_that_hold(bank: Bank, item_id: str) -> None:
    item = bank.items[item_id]
    assert isinstance(item, MultipleChoice)
    truth = CHOICE_TRUTH[item_id]
    assert set(truth) == set(item.choices)
    assert {c for c, holds in truth.items() if holds()} == set(item.answers)


@pytest.mark.parametrize("item_id", sorted(CLAIMS))
def test_true_false_claim_holds_in_torch(bank: Bank, item_id: str) -> None:
    item = bank.items[item_id]
    assert isinstance(item, TrueFalse)
    assert item.answer is CLAIMS[item_id]()

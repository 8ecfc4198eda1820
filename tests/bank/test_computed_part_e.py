"""Items whose choices or explanations the third review (issue 14, item 7) re-read against torch.

Parts A-D recompute every number; this part covers the choice items whose right answer is
a code behaviour (which target makes a loss fail, which module has parameters, …) and the
facts the review changed. Two tables:

- ``CHOICE_TRUTH``: choice item id → {choice: function returning whether the choice holds};
  the right answers (the one answer of a single-choice item) are exactly the choices that hold.
- ``CLAIMS``: true/false item id → function returning whether the statement holds.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
import torch
from torch import nn, optim

from question_bank import Bank, MultipleChoice, SingleChoice, TrueFalse

Check = Callable[[], bool]


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


def _max_dim1() -> object:
    return torch.max(torch.randn(5, 3), dim=1)


def _dropout_outputs() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Two training passes and one evaluation pass of Dropout(0.5) over ones."""
    torch.manual_seed(0)
    drop, x = nn.Dropout(p=0.5), torch.ones(1000)
    first, second = drop(x), drop(x)
    drop.eval()
    return first, second, drop(x)


def _dropout_deletes_for_good() -> bool:
    first, second, _ = _dropout_outputs()
    return torch.equal(first == 0, second == 0)


def _dropout_scales_in_both_modes() -> bool:
    first, _, evaluated = _dropout_outputs()
    return bool((first[first != 0] == 2).all() and (evaluated == 0).any())


def _dropout_inverted() -> bool:
    first, _, evaluated = _dropout_outputs()
    return bool((first[first != 0] == 2).all() and (first == 0).any()) and torch.equal(
        evaluated, torch.ones(1000)
    )


def _dropout_halves_in_eval() -> bool:
    _, _, evaluated = _dropout_outputs()
    return torch.equal(evaluated, torch.full((1000,), 0.5))


def _checkpoint_restores(save: Callable[[nn.Module, Path], object]) -> bool:
    """Whether ``save`` writes best.pt so that load_state_dict brings the weights back."""
    model = nn.Linear(3, 2)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "best.pt"
        try:
            save(model, path)
            restored = nn.Linear(3, 2)
            restored.load_state_dict(torch.load(path))
        except (TypeError, FileNotFoundError, RuntimeError, AttributeError):
            return False
    return torch.equal(restored.weight, model.weight)


def _bn2d_normalizes_over(dims: tuple[int, ...]) -> bool:
    torch.manual_seed(0)
    x = torch.randn(4, 3, 5, 5) * torch.tensor([1.0, 5.0, 20.0]).view(1, 3, 1, 1)
    y = nn.BatchNorm2d(3)(x)
    mean = x.mean(dim=dims, keepdim=True)
    var = x.var(dim=dims, keepdim=True, unbiased=False)
    return torch.allclose(y, (x - mean) / torch.sqrt(var + 1e-5), atol=1e-4)


def _bce_head_works(head: nn.Module) -> bool:
    torch.manual_seed(0)
    out = head(torch.randn(8, 16) * 10)
    return not _fails(lambda: nn.BCELoss()(out, torch.randint(0, 2, (8, 1)).float()))


def _cnn_runs(*tail: nn.Module, batch: int = 64) -> bool:
    return not _fails(lambda: nn.Sequential(*tail)(torch.randn(batch, 64, 7, 7)))


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


_FEATURES = torch.zeros(5, 64, 7, 7)


def _flattens_per_sample(flatten: Callable[[torch.Tensor], torch.Tensor]) -> bool:
    return tuple(flatten(_FEATURES).shape) == (5, 3136)


CHOICE_TRUTH: dict[str, dict[str, Check]] = {
    "tensor-max-dim-returns": {
        "행마다 최댓값과 그 인덱스를 담은 (values, indices)": lambda: (
            tuple(t.shape for t in _max_dim1()) == ((5,), (5,))  # type: ignore[attr-defined]
        ),
        "각 행의 최댓값 위치(인덱스)만 담은 (N,) 모양의 정수 텐서": lambda: isinstance(
            _max_dim1(), torch.Tensor
        ),
        "각 열의 최댓값과 그 인덱스를 담은 (C,) 모양의 두 텐서": lambda: (
            tuple(t.shape for t in _max_dim1()) == ((3,), (3,))  # type: ignore[attr-defined]
        ),
        "전체 원소 중 가장 큰 값 하나를 담은 0차원 텐서": lambda: (
            isinstance(_max_dim1(), torch.Tensor) and _max_dim1().ndim == 0  # type: ignore[attr-defined]
        ),
    },
    "fit-dropout-pytorch-scaling": {
        "학습 모드에서 가중치의 절반을 영구히 삭제한다": _dropout_deletes_for_good,
        "학습 모드와 평가 모드 모두 원소를 확률 0.5로 0으로 만들고, 남은 원소에는 2를 곱해 기댓값을 맞춘다": (
            _dropout_scales_in_both_modes
        ),
        "학습 때 확률 0.5로 원소를 0으로 만들고 남은 원소에 2를 곱하며, 평가 때는 그대로 통과시킨다": (
            _dropout_inverted
        ),
        "학습 모드에서 원소를 확률 0.5로 0으로 만들고, 평가 모드에서는 꺼지는 원소 없이 모든 출력에 0.5를 곱한다": (
            _dropout_halves_in_eval
        ),
    },
    "fit-checkpoint-save": {
        '`model.eval("best.pt")`': lambda: _checkpoint_restores(lambda m, p: m.eval(p)),  # type: ignore[arg-type]
        '`torch.save(model.parameters(), "best.pt")`': lambda: _checkpoint_restores(
            lambda m, p: torch.save(m.parameters(), p)
        ),
        '`torch.save(model.state_dict(), "best.pt")`': lambda: _checkpoint_restores(
            lambda m, p: torch.save(m.state_dict(), p)
        ),
        '`model.load_state_dict(torch.load("best.pt"))`': lambda: _checkpoint_restores(
            lambda m, p: m.load_state_dict(torch.load(p))
        ),
    },
    "bn-2d-statistics-axes": {
        "전체 텐서에서 하나만 구한다": lambda: _bn2d_normalizes_over((0, 1, 2, 3)),
        "채널마다 하나씩, N·H·W 축 전체에 걸쳐 구한다": lambda: _bn2d_normalizes_over((0, 2, 3)),
        "픽셀 위치 (h, w)마다 하나씩 구한다": lambda: _bn2d_normalizes_over((0, 1)),
        "샘플마다 하나씩, C·H·W 축 전체에 걸쳐 구한다": lambda: _bn2d_normalizes_over((1, 2, 3)),
    },
    "model-output-binary": {
        "뉴런 1개 + Sigmoid": lambda: _bce_head_works(
            nn.Sequential(nn.Linear(16, 1), nn.Sigmoid())
        ),
        "뉴런 2개 + ReLU": lambda: _bce_head_works(nn.Sequential(nn.Linear(16, 2), nn.ReLU())),
        "뉴런 1개 + 활성화 함수 없음": lambda: _bce_head_works(nn.Linear(16, 1)),
        "뉴런 1개 + Tanh": lambda: _bce_head_works(nn.Sequential(nn.Linear(16, 1), nn.Tanh())),
    },
    "cnn-shape-mismatch-fix": {
        "첫 FC 층을 `nn.Linear(3136, 128)`로 바꾼다": lambda: _cnn_runs(
            nn.Flatten(), nn.Linear(3136, 128)
        ),
        "`nn.Flatten()`을 지운다": lambda: _cnn_runs(nn.Linear(784, 128)),
        "첫 FC 층을 `nn.Linear(784, 3136)`으로 바꾼다": lambda: _cnn_runs(
            nn.Flatten(), nn.Linear(784, 3136)
        ),
        "배치 크기를 784로 바꾼다": lambda: _cnn_runs(nn.Flatten(), nn.Linear(784, 128), batch=784),
    },
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
    "bn-buffers-vs-params": {
        f"`{name}`{suffix}": (lambda n=name: n in dict(nn.BatchNorm1d(8).named_parameters()))
        for name, suffix in [
            ("num_batches_tracked", ""),
            ("weight", " (γ)"),
            ("running_var", ""),
            ("running_mean", ""),
            ("bias", " (β)"),
        ]
    },
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


def _ce_leaves_softmax_to_the_model() -> bool:
    torch.manual_seed(0)
    logits, y = torch.randn(6, 4) * 3, torch.tensor([0, 1, 2, 3, 0, 1])
    by_hand = -torch.log_softmax(logits, dim=1)[torch.arange(6), y].mean()
    return not torch.allclose(nn.CrossEntropyLoss()(logits, y), by_hand)


def _lora_merges() -> bool:
    torch.manual_seed(0)
    w, a, b = torch.randn(16, 16), torch.randn(2, 16), torch.randn(16, 2)
    x = torch.randn(5, 16)
    return torch.allclose(x @ w.T + x @ (b @ a).T, x @ (w + b @ a).T, atol=1e-4)


def _step_sizes(make: Callable[[list[torch.Tensor]], optim.Optimizer]) -> tuple[float, float]:
    """The first and the 1000th step of an optimizer fed the same gradient every step."""
    w = torch.zeros(1, requires_grad=True)
    optimizer, steps = make([w]), []
    for _ in range(1000):
        before = w.item()
        optimizer.zero_grad()
        (2.0 * w).sum().backward()
        optimizer.step()
        steps.append(abs(w.item() - before))
    return steps[0], steps[-1]


def _rmsprop_keeps_the_step_adagrad_loses() -> bool:
    first, last = _step_sizes(lambda p: optim.Adagrad(p, lr=0.01))
    assert last < 0.05 * first  # AdaGrad: the sum of squares only grows
    first, last = _step_sizes(lambda p: optim.RMSprop(p, lr=0.01))
    assert optim.RMSprop([torch.zeros(1, requires_grad=True)]).defaults["alpha"] == 0.99
    return last > 0.05 * first


def _idf_rewards_common_words() -> bool:
    docs = [["the", "cat"], ["the", "dog"], ["the", "cat", "sat"]]

    def idf(word: str) -> float:
        return math.log(len(docs) / sum(word in d for d in docs))

    return idf("the") > idf("dog")


def _bn_is_preprocessing() -> bool:
    bn = nn.BatchNorm1d(2)
    sample = torch.tensor([[1.0, 2.0]])
    in_one = bn(torch.cat([sample, torch.tensor([[0.0, 0.0]])]))[0]
    in_other = bn(torch.cat([sample, torch.tensor([[5.0, 9.0]])]))[0]
    has_parameters = any(True for _ in bn.parameters())
    return not has_parameters and torch.allclose(in_one, in_other)


CLAIMS: dict[str, Check] = {
    "model-ce-softmax-before": _ce_leaves_softmax_to_the_model,
    "x-lora-merge": _lora_merges,
    "opt-rmsprop-fix": _rmsprop_keeps_the_step_adagrad_loses,
    "rag-tfidf": _idf_rewards_common_words,
    "bn-vs-feature-scaling": _bn_is_preprocessing,
}


@pytest.mark.parametrize("item_id", sorted(CHOICE_TRUTH))
def test_right_choices_are_exactly_those_that_hold(bank: Bank, item_id: str) -> None:
    item = bank.items[item_id]
    assert isinstance(item, SingleChoice | MultipleChoice)
    right = {item.answer} if isinstance(item, SingleChoice) else set(item.answers)
    truth = CHOICE_TRUTH[item_id]
    assert set(truth) == set(item.choices)
    assert {c for c, holds in truth.items() if holds()} == right


@pytest.mark.parametrize("item_id", sorted(CLAIMS))
def test_true_false_claim_holds_in_torch(bank: Bank, item_id: str) -> None:
    item = bank.items[item_id]
    assert isinstance(item, TrueFalse)
    assert item.answer is CLAIMS[item_id]()

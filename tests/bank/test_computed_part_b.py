"""Part B of the bank (DNN modelling, overfitting, BatchNorm, CNN, transfer learning), recomputed.

Students learn from these answers, and a parameter count or feature-map size typed by hand is easy
to get wrong. Every number, shape or error message an item in part B states is rebuilt here from
real torch layers; a typo in the YAML fails a test instead of teaching a wrong number.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from question_bank import (
    Bank,
    Numeric,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from question_bank.answers.numbers import numeric_correct

Value = int | float | str | tuple[int, ...]

# The id prefixes this part owns (see the files 05-08 in question_bank/bank/items/).
PART_B_PREFIXES = (
    "model-",
    "fc-model-",
    "fit-",
    "fc-fit-",
    "bn-",
    "fc-bn-",
    "cnn-",
    "fc-cnn-",
    "pool-",
    "fc-pool-",
    "transfer-",
    "fc-transfer-",
)


# -- helpers -------------------------------------------------------------------


def n_params(module: nn.Module, *, trainable_only: bool = False) -> int:
    return sum(p.numel() for p in module.parameters() if p.requires_grad or not trainable_only)


def out_shape(module: nn.Module, *shape: int) -> tuple[int, ...]:
    with torch.no_grad():
        return tuple(module(torch.zeros(*shape)).shape)


def conv_block(c_in: int, c_out: int, kernel: int = 3, padding: int = 1) -> list[nn.Module]:
    return [nn.Conv2d(c_in, c_out, kernel, padding=padding), nn.ReLU(), nn.MaxPool2d(2)]


def fashion_features() -> nn.Sequential:
    return nn.Sequential(*conv_block(1, 32), *conv_block(32, 64))


def fashion_cnn() -> nn.Sequential:
    return nn.Sequential(
        fashion_features(),
        nn.Flatten(),
        nn.Linear(64 * 7 * 7, 128),
        nn.ReLU(),
        nn.Linear(128, 10),
    )


def nopad_features() -> nn.Sequential:
    return nn.Sequential(
        *conv_block(1, 16, padding=0), *conv_block(16, 32, padding=0), nn.Flatten()
    )


POOL_INPUT = torch.tensor(
    [[1, 3, 2, 0], [4, 6, 1, 1], [0, 2, 5, 7], [1, 3, 8, 2]], dtype=torch.float32
).view(1, 1, 4, 4)


class Pretrained(nn.Module):
    """Stands in for a pretrained network with `features` and `classifier` (like VGG)."""

    def __init__(self) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 64, 3),
            nn.ReLU(),
            nn.AdaptiveAvgPool2d(1),
            nn.Flatten(),
            nn.Linear(64, 512),
        )
        self.classifier = nn.Linear(512, 1000)


# -- 05: DNN 모델 구성 / 모델링 ---------------------------------------------------


def model_accuracy() -> float:
    logits = torch.tensor([[2.0, 0.5, 0.1], [0.2, 0.1, 3.0], [1.0, 2.0, 0.5], [0.3, 0.2, 0.1]])
    y = torch.tensor([0, 2, 0, 0])
    return (logits.argmax(dim=1) == y).float().mean().item()


def model_binary_correct() -> int:
    prob = torch.tensor([0.9, 0.3, 0.6, 0.45])
    y = torch.tensor([1, 0, 0, 1])
    return int(((prob >= 0.5).long() == y).sum())


def model_steps_per_epoch() -> int:
    loader = DataLoader(TensorDataset(torch.zeros(60_000, 1)), batch_size=64, shuffle=True)
    steps = 0
    for _ in loader:
        steps += 1
    return steps


# -- 06: 과적합 / 배치정규화 ---------------------------------------------------------


def dropout_survivor_value() -> float:
    torch.manual_seed(0)
    out = nn.Dropout(p=0.2).train()(torch.ones(1000))
    survivors = out[out != 0].unique()
    assert len(survivors) == 1
    return survivors.item()


def weight_decay_step() -> float:
    w = torch.tensor([2.0], requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1, weight_decay=0.5)
    (w * 0).sum().backward()  # the loss's own gradient is zero
    optimizer.step()
    return w.item()


def bn_after_one_batch() -> nn.BatchNorm1d:
    bn = nn.BatchNorm1d(1).train()
    bn(torch.tensor([[4.0], [6.0]]))
    return bn


def bn_train_output_for_six() -> float:
    out = nn.BatchNorm1d(1).train()(torch.tensor([[4.0], [6.0]]))
    return out[1, 0].item()


def bn_eval_output_fresh() -> float:
    with torch.no_grad():
        return nn.BatchNorm1d(1).eval()(torch.tensor([[6.0]])).item()


def bn_batch_of_one_error() -> str:
    try:
        nn.BatchNorm1d(4).train()(torch.randn(1, 4))
    except ValueError as exc:
        return str(exc).split(",")[0]
    raise AssertionError("BatchNorm1d accepted a batch of one in training mode")


# -- 08: 전이학습 ----------------------------------------------------------------


def transfer_trainable() -> int:
    model = Pretrained()
    for p in model.features.parameters():
        p.requires_grad = False
    model.classifier = nn.Linear(model.classifier.in_features, 5)
    return n_params(model, trainable_only=True)


def transfer_partial_finetune() -> int:
    features = nn.Sequential(
        nn.Conv2d(3, 16, 3),
        nn.ReLU(),
        nn.Conv2d(16, 32, 3),
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
    )
    model = nn.Sequential(features, nn.Linear(32, 10))
    for p in features[0].parameters():
        p.requires_grad = False
    return n_params(model, trainable_only=True)


COMPUTED: dict[str, Callable[[], Value]] = {
    # 05 — DNN 모델 구성 (p81)
    "model-linear-weight-shape": lambda: tuple(nn.Linear(784, 128).weight.shape),
    "model-linear-params": lambda: n_params(nn.Linear(784, 128)),
    "model-sequential-params": lambda: n_params(
        nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
    ),
    "model-sequential-output-shape": lambda: out_shape(
        nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3)), 32, 4
    ),
    # 05 — DNN 모델링 (p83-88)
    "model-multiclass-params": lambda: n_params(
        nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 10))
    ),
    "model-regressor-params": lambda: n_params(
        nn.Sequential(nn.Linear(13, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
    ),
    "model-binary-params": lambda: n_params(
        nn.Sequential(nn.Linear(30, 32), nn.ReLU(), nn.Linear(32, 1), nn.Sigmoid())
    ),
    "model-accuracy-from-logits": model_accuracy,
    "model-binary-threshold-correct": model_binary_correct,
    "model-mse-value": lambda: nn.MSELoss()(
        torch.tensor([2.0, 4.0]), torch.tensor([1.0, 7.0])
    ).item(),
    "model-ce-uniform-value": lambda: nn.CrossEntropyLoss()(
        torch.zeros(1, 4), torch.tensor([2])
    ).item(),
    "model-steps-per-epoch": model_steps_per_epoch,
    # 06 — 과적합 (p90-91)
    "fit-dropout-survivor-value": dropout_survivor_value,
    "fit-dropout-default-p": lambda: nn.Dropout().p,
    "fit-weight-decay-step": weight_decay_step,
    # 06 — 배치정규화 (p99-100)
    "bn-params-1d": lambda: n_params(nn.BatchNorm1d(64)),
    "bn-params-2d": lambda: n_params(nn.BatchNorm2d(32)),
    "bn-net-params": lambda: n_params(
        nn.Sequential(nn.Linear(20, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Linear(64, 3))
    ),
    "bn-batch-size-one": bn_batch_of_one_error,
    "bn-running-mean-update": lambda: bn_after_one_batch().running_mean.item(),
    "bn-train-output-value": bn_train_output_for_six,
    "bn-eval-output-fresh": bn_eval_output_fresh,
    # 07 — 합성곱층 (p105-106)
    "cnn-out-k3-p0": lambda: out_shape(nn.Conv2d(1, 8, kernel_size=3), 1, 1, 28, 28)[2],
    "cnn-out-k3-p1": lambda: out_shape(nn.Conv2d(1, 8, kernel_size=3, padding=1), 1, 1, 28, 28)[2],
    "cnn-out-k5-s2-p2": lambda: out_shape(
        nn.Conv2d(3, 16, kernel_size=5, stride=2, padding=2), 1, 3, 32, 32
    )[3],
    "cnn-out-stride-leftover": lambda: out_shape(nn.Conv2d(1, 1, 3, stride=2), 1, 1, 8, 8)[2],
    "cnn-conv-params-rgb": lambda: n_params(nn.Conv2d(3, 16, kernel_size=3)),
    "cnn-conv-params-32-64": lambda: n_params(nn.Conv2d(32, 64, kernel_size=3, padding=1)),
    "cnn-kernel-weights-per-filter": lambda: nn.Conv2d(3, 1, kernel_size=3).weight.numel(),
    "cnn-conv-weight-shape": lambda: tuple(nn.Conv2d(3, 16, kernel_size=3).weight.shape),
    "cnn-conv-output-shape": lambda: out_shape(nn.Conv2d(3, 16, kernel_size=3), 8, 3, 32, 32),
    "cnn-conv-vs-linear-params": lambda: n_params(nn.Linear(784, 784)),
    # 07 — 풀링층 (p113-114)
    "pool-out-28": lambda: out_shape(nn.MaxPool2d(2), 1, 1, 28, 28)[2],
    "pool-out-odd": lambda: out_shape(nn.MaxPool2d(2), 1, 1, 7, 7)[3],
    "pool-overlapping": lambda: out_shape(nn.MaxPool2d(kernel_size=3, stride=2), 1, 1, 13, 13)[2],
    "pool-params": lambda: n_params(nn.MaxPool2d(2)),
    "pool-max-sum": lambda: nn.MaxPool2d(2)(POOL_INPUT).sum().item(),
    "pool-avg-value": lambda: nn.AvgPool2d(2)(POOL_INPUT)[0, 0, 1, 1].item(),
    "pool-output-shape": lambda: out_shape(nn.MaxPool2d(2), 64, 32, 28, 28),
    "pool-stride-default": lambda: nn.MaxPool2d(kernel_size=2).stride,
    "pool-adaptive-shape": lambda: out_shape(nn.AdaptiveAvgPool2d(1), 8, 64, 7, 7),
    # 07 — CNN 모델 구성 (p121-123)
    "cnn-fashion-after-pool1": lambda: out_shape(nn.Sequential(*conv_block(1, 32)), 1, 1, 28, 28)[
        2
    ],
    "cnn-fashion-flatten-size": lambda: out_shape(
        nn.Sequential(fashion_features(), nn.Flatten()), 1, 1, 28, 28
    )[1],
    "cnn-fashion-total-params": lambda: n_params(fashion_cnn()),
    "cnn-fashion-fc1-params": lambda: n_params(nn.Linear(64 * 7 * 7, 128)),
    "cnn-fashion-conv-params": lambda: n_params(fashion_features()),
    "cnn-nopad-flatten-size": lambda: out_shape(nopad_features(), 1, 1, 28, 28)[1],
    "cnn-nopad-total-params": lambda: n_params(nn.Sequential(nopad_features(), nn.Linear(800, 10))),
    "cnn-cifar-flatten-size": lambda: out_shape(
        nn.Sequential(*conv_block(3, 32), *conv_block(32, 64), nn.Flatten()), 1, 3, 32, 32
    )[1],
    "cnn-lenet-flatten-size": lambda: out_shape(
        nn.Sequential(
            *conv_block(1, 6, 5, padding=2), *conv_block(6, 16, 5, padding=0), nn.Flatten()
        ),
        1,
        1,
        28,
        28,
    )[1],
    "cnn-three-blocks-flatten": lambda: out_shape(
        nn.Sequential(*conv_block(1, 32), *conv_block(32, 64), *conv_block(64, 128), nn.Flatten()),
        1,
        1,
        28,
        28,
    )[1],
    "cnn-stride2-downsample": lambda: out_shape(
        nn.Conv2d(16, 16, 3, stride=2, padding=1), 1, 16, 28, 28
    )[2],
    "cnn-model-output-shape": lambda: out_shape(fashion_cnn(), 64, 1, 28, 28),
    # 08 — 전이학습 (p125)
    "transfer-trainable-params": transfer_trainable,
    "transfer-partial-finetune-params": transfer_partial_finetune,
}


# -- true/false items whose answer is a behaviour of torch ------------------------


def assigning_module_before_super_init_fails() -> bool:
    class Net(nn.Module):
        def __init__(self) -> None:
            self.fc = nn.Linear(4, 2)  # no super().__init__() on purpose

    try:
        Net()
    except AttributeError:
        return True
    return False


def gradients_accumulate_without_zero_grad() -> bool:
    layer = nn.Linear(2, 1)
    x = torch.ones(1, 2)
    layer(x).sum().backward()
    first = layer.weight.grad.clone()
    layer(x).sum().backward()
    return torch.allclose(layer.weight.grad, 2 * first)


def train_call_trains_the_model() -> bool:
    """Whether `model.train()` changes any weight (it only switches the mode)."""
    model = nn.Sequential(nn.Linear(3, 3), nn.Dropout(0.5))
    before = [p.clone() for p in model.parameters()]
    model.train()
    return not all(torch.equal(a, b) for a, b in zip(before, model.parameters(), strict=True))


def dropout_in_train_mode_varies() -> bool:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(8, 64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, 2)).train()
    x = torch.randn(4, 8)
    return not torch.equal(model(x), model(x))


def bn_eval_uses_running_stats() -> bool:
    bn = nn.BatchNorm1d(3)
    bn.train()
    for _ in range(5):
        bn(torch.randn(16, 3) * 4 + 10)
    bn.eval()
    x = torch.randn(16, 3)
    with torch.no_grad():
        expected = (x - bn.running_mean) / torch.sqrt(bn.running_var + bn.eps)
        return torch.allclose(bn(x), expected * bn.weight + bn.bias, atol=1e-5)


def new_head_is_trainable() -> bool:
    model = Pretrained()
    for p in model.parameters():
        p.requires_grad = False
    model.classifier = nn.Linear(512, 5)
    return all(p.requires_grad for p in model.classifier.parameters())


def frozen_grad_becomes_zeros() -> bool:
    model = Pretrained()
    for p in model.features.parameters():
        p.requires_grad = False
    model.classifier(model.features(torch.randn(2, 3, 8, 8))).sum().backward()
    assert all(p.grad is None for p in model.features.parameters())
    return any(p.grad is not None for p in model.features.parameters())


TRUE_FALSE: dict[str, Callable[[], bool]] = {
    "model-super-init-missing": assigning_module_before_super_init_fails,
    "model-zero-grad-accumulates": gradients_accumulate_without_zero_grad,
    "model-train-is-mode-only": train_call_trains_the_model,
    "fit-eval-mode-dropout": dropout_in_train_mode_varies,
    "bn-eval-uses-running-stats": bn_eval_uses_running_stats,
    "transfer-new-layer-trainable": new_head_is_trainable,
    "transfer-frozen-grad-none": frozen_grad_becomes_zeros,
}


# -- tests -----------------------------------------------------------------------


def as_text(value: Value) -> str:
    if isinstance(value, tuple):
        return "(" + ", ".join(str(v) for v in value) + ")"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@pytest.mark.parametrize("item_id", sorted(COMPUTED))
def test_answer_matches_torch(bank: Bank, item_id: str) -> None:
    assert item_id in bank.items, f"COMPUTED names {item_id!r}, which is not in the bank"
    item = bank.items[item_id]
    value = COMPUTED[item_id]()
    if isinstance(item, Numeric):
        assert isinstance(value, int | float)
        assert item.answer == pytest.approx(value, abs=item.tolerance)
        # A student who types the exact value is marked right, and the tolerance stays tight.
        assert numeric_correct(repr(value), item.answer, item.tolerance)
        assert item.tolerance <= 0.01 * max(1.0, abs(value))
    elif isinstance(item, SingleChoice):
        text = as_text(value)
        assert text in item.answer
        if isinstance(value, tuple | str):
            others = [c for c in item.choices if c != item.answer]
            assert all(text not in c for c in others), f"{text!r} also appears in a distractor"
    elif isinstance(item, ShortAnswer):
        assert all(as_text(value) in a for a in item.answers)
    else:
        pytest.fail(
            f"{item_id}: COMPUTED covers numeric, single-choice and short-answer items only"
        )


@pytest.mark.parametrize("item_id", sorted(TRUE_FALSE))
def test_true_false_matches_torch(bank: Bank, item_id: str) -> None:
    item = bank.items[item_id]
    assert isinstance(item, TrueFalse)
    assert item.answer is TRUE_FALSE[item_id]()


def test_every_numeric_item_of_part_b_is_computed_or_from_notes(bank: Bank) -> None:
    part_b = [i for i in bank.items.values() if i.id.startswith(PART_B_PREFIXES)]
    assert len(part_b) >= 150, "part B's item files did not load"
    unchecked = [
        i.id
        for i in part_b
        if isinstance(i, Numeric) and i.id not in COMPUTED and "from-notes" not in i.tags
    ]
    assert unchecked == []


def test_trainable_count_skips_frozen_parameters() -> None:
    # transfer-* answers rely on this: frozen parameters must not be counted as trainable.
    frozen = Pretrained()
    for p in frozen.features.parameters():
        p.requires_grad = False
    assert n_params(frozen, trainable_only=True) < n_params(frozen)

"""Why a training run fell short, from what the sandbox saw of it (the app's side, no torch).

Reads the ``watch`` of a training run's ``done`` frame (see
:mod:`grader.inside.training_watch`; untrusted: anything malformed is ignored) with
the predictions and the score, and names the cause in both languages with the
textbook page: probabilities fed to a loss that wants logits, one output
column without ``predict``, unstandardised inputs, standardisation not
applied at prediction, a loss still falling steeply ("train longer"), a loss
that grew or went nan (learning rate), a read-out that ignores the order of a
sequence. "Every prediction is one class" says "has not learned" only when
the training loss did not fall.
"""

from __future__ import annotations

import math
from typing import Any

from grader.text import Text
from grader.verdict.messages import msg
from grader.verdict.result import Diagnosis

SATURATED = 25.0  # mean |output| of the first layer beyond which inputs were not standardised
JUMP = 5.0  # how many times larger the first layer's outputs may get at prediction
STILL_FALLING = 0.9  # last tenth's mean loss below this times the tenth before: train longer
FELL = 0.8  # last tenth's mean below this times the first tenth's: the model learned
GREW = 1.5  # last tenth's mean above this times the first tenth's: diverging
ORDER_BLIND = 0.98  # predictions kept when the steps are shuffled


def _say(key: str, en: str, ko: str, **params: object) -> Diagnosis:
    return Diagnosis(id=key, message={"en": en.format(**params), "ko": ko.format(**params)})


def _number(value: Any) -> float | None:
    if type(value) in (int, float) and math.isfinite(value):
        return float(value)
    return None


def _losses(watch: dict[str, Any]) -> tuple[list[float], bool]:
    """The loss values (finite ones) and whether any was nan or infinite."""
    raw = watch.get("losses")
    if type(raw) is not list:
        return [], False
    values = [float(v) for v in raw[:5000] if type(v) in (int, float) and math.isfinite(v)]
    return values, len(values) < len(raw[:5000])


def _tenths(values: list[float]) -> tuple[float, float, float] | None:
    """Mean loss of the first tenth, the second-to-last tenth and the last tenth."""
    if len(values) < 20:
        return None
    n = max(2, len(values) // 10)
    mean = [sum(part) / len(part) for part in (values[:n], values[-2 * n : -n], values[-n:])]
    return mean[0], mean[1], mean[2]


def _still_falling(first: float, before: float, last: float) -> bool:
    """The last tenth fell steeply: by a tenth of its level, or by at least half the average
    fall per tenth (the curve has not flattened)."""
    if last >= before or last >= first:
        return False
    return last < STILL_FALLING * before or (before - last) >= 0.5 * (first - last) / 9


def _fmt(value: float) -> str:
    return f"{value:.4g}"


def loss_fell(watch: Any) -> bool:
    """The training loss ended clearly below where it started."""
    if not isinstance(watch, dict):
        return False
    tenths = _tenths(_losses(watch)[0])
    return tenths is not None and tenths[2] < FELL * tenths[0]


def diagnoses(
    watch: Any,
    *,
    predictions: list[Any] | None,
    below_target: bool,
    cpu_s: float | None,
    budget_s: float,
) -> list[Diagnosis]:
    """What the watch says went wrong; the one-class sentence is the caller's (see
    :func:`one_class`)."""
    if not isinstance(watch, dict):
        return []
    found = [*_output_causes(watch), *_scale_causes(watch, below_target)]
    found += _order_causes(watch, below_target)
    found += _loss_causes(
        watch, below_target, nothing_else=not found, cpu_s=cpu_s, budget_s=budget_s
    )
    return found


def _output_causes(watch: dict[str, Any]) -> list[Diagnosis]:
    """What the model's outputs say: probabilities into a loss that wants logits, one column
    without predict()."""
    found: list[Diagnosis] = []
    loss = watch.get("loss")
    checked, probabilities = _number(watch.get("checked")), _number(watch.get("probabilities"))
    mostly = bool(checked) and probabilities is not None and probabilities >= 0.9 * (checked or 1)
    if mostly and loss == "cross_entropy":
        found.append(
            _say(
                "softmax-into-cross-entropy",
                "the model's outputs are already probabilities (each row sums to 1) when they "
                "reach CrossEntropyLoss, which applies log-softmax itself: a Softmax before it "
                "squeezes the gradients and slows learning. Return raw logits from the model "
                "(p.86–88)",
                "CrossEntropyLoss에 들어가는 출력이 이미 확률입니다 (행마다 합이 1): "
                "CrossEntropyLoss가 log-softmax를 직접 적용하므로 앞의 Softmax는 기울기를 줄여 "
                "학습을 늦춥니다. 모델은 로짓을 그대로 반환하세요 (p.86–88)",
            )
        )
    if mostly and loss == "binary_cross_entropy_with_logits":
        found.append(
            _say(
                "sigmoid-into-bce-with-logits",
                "the outputs given to BCEWithLogitsLoss are already between 0 and 1: it applies "
                "the sigmoid itself, so a Sigmoid before it applies it twice. Remove the "
                "Sigmoid, or use BCELoss with it (p.84–85)",
                "BCEWithLogitsLoss에 주는 출력이 이미 0과 1 사이입니다: 이 손실 함수가 sigmoid를 "
                "직접 적용하므로 앞의 Sigmoid까지 두 번 적용됩니다. Sigmoid를 빼거나, Sigmoid와 함께 "
                "BCELoss를 쓰세요 (p.84–85)",
            )
        )
    if watch.get("columns") == 1 and watch.get("predict") is False:
        found.append(
            _say(
                "one-column-without-predict",
                "the model has one output column and the file defines no predict(): "
                "argmax over one column is always 0. Define predict(model, x) returning "
                "(model(x).squeeze(1) > 0).long() for a logit, or > 0.5 for a probability "
                "(p.84–85)",
                "모델의 출력 열이 하나인데 predict()가 없습니다: 열 하나에 대한 argmax는 항상 "
                "0입니다. 로짓이면 (model(x).squeeze(1) > 0).long(), 확률이면 > 0.5를 반환하는 "
                "predict(model, x)를 작성하세요 (p.84–85)",
            )
        )
    return found


def _scale_causes(watch: dict[str, Any], below_target: bool) -> list[Diagnosis]:
    """What the first layer's outputs say of the inputs' scale, in training and prediction."""
    found: list[Diagnosis] = []
    first_train, first_test = _number(watch.get("first_train")), _number(watch.get("first_test"))
    if (
        first_train is not None
        and first_test is not None
        and first_test > JUMP * max(first_train, 1.0)
    ):
        found.append(
            _say(
                "standardization-not-kept",
                "the first layer's outputs are {ratio:.0f} times larger at prediction than in "
                "training (mean |z| {test} against {train}): the inputs were standardised for "
                "training only. Keep the training mean and std (e.g. register_buffer in the "
                "model) and apply the same (x - mean) / std in predict (p.50)",
                "예측할 때 첫 층의 출력이 학습 때보다 {ratio:.0f}배 큽니다 (평균 |z| {test} 대 "
                "{train}): 입력을 학습할 때만 표준화했습니다. 학습 데이터의 평균과 표준편차를 "
                "(예: 모델의 register_buffer에) 보관하고 predict에서도 같은 (x - mean) / std를 "
                "적용하세요 (p.50)",
                ratio=first_test / max(first_train, 1e-9),
                test=_fmt(first_test),
                train=_fmt(first_train),
            )
        )
    elif first_train is not None and first_train > SATURATED and below_target:
        found.append(
            _say(
                "not-standardized",
                "the first layer's outputs average |z| = {train} during training: the inputs "
                "are on very different scales and saturate the layer. Standardise each feature "
                "with the training data's mean and std, (x - mean) / std, in training and "
                "prediction alike (p.50)",
                "학습 중 첫 층 출력의 평균 |z|가 {train}입니다: 입력 특성의 크기가 제각각이라 "
                "층이 포화됩니다. 학습 데이터의 평균과 표준편차로 특성마다 (x - mean) / std "
                "표준화를 학습과 예측에 똑같이 적용하세요 (p.50)",
                train=_fmt(first_train),
            )
        )
    return found


def _order_causes(watch: dict[str, Any], below_target: bool) -> list[Diagnosis]:
    """Whether the predictions ignore the tokens' order."""
    found: list[Diagnosis] = []
    shuffled = [_number(watch.get(k)) for k in ("order_agreement", "tail_agreement")]
    agreement = max((v for v in shuffled if v is not None), default=None)
    if agreement is not None and agreement >= ORDER_BLIND and below_target:
        found.append(
            _say(
                "order-blind",
                "the predictions stay the same when the order of the tokens is shuffled "
                "({share:.0%} unchanged): the read-out ignores the order of the last tokens (an average or sum "
                "over the steps, or the output of a step that is padding — with left padding the "
                "first step). Classify from the LSTM's last state, h_n[-1] or output[:, -1] "
                "(p.172–173, 181–182)",
                "토큰 순서를 섞어도 예측이 그대로입니다 ({share:.0%} 동일): 출력이 마지막 토큰들의 "
                "순서를 보지 않습니다 (시점 평균이나 합, 또는 패딩인 시점의 출력 — 왼쪽 패딩이면 첫 시점). "
                "LSTM의 마지막 상태 h_n[-1] 또는 output[:, -1]로 분류하세요 (p.172–173, 181–182)",
                share=agreement,
            )
        )
    return found


def _loss_causes(
    watch: dict[str, Any],
    below_target: bool,
    *,
    nothing_else: bool,
    cpu_s: float | None,
    budget_s: float,
) -> list[Diagnosis]:
    """What the loss curve says: nan, diverging, or still falling (only when nothing else was
    found)."""
    found: list[Diagnosis] = []
    values, broken = _losses(watch)
    tenths = _tenths(values)
    if broken:
        found.append(
            _say(
                "loss-nan",
                "the training loss became nan or infinite: the learning rate is too high (or "
                "the inputs are not standardised). Lower lr, e.g. by 10 times (p.88)",
                "학습 손실이 nan 또는 무한대가 되었습니다: 학습률이 너무 큽니다 (또는 입력이 "
                "표준화되지 않았습니다). lr을 예컨대 10분의 1로 줄이세요 (p.88)",
            )
        )
    elif tenths is not None and tenths[2] > GREW * tenths[0]:
        found.append(
            _say(
                "loss-diverged",
                "the training loss grew from {first} to {last}: the learning rate is too high. "
                "Lower lr, e.g. by 10 times (p.88)",
                "학습 손실이 {first}에서 {last}(으)로 커졌습니다: 학습률이 너무 큽니다. lr을 "
                "예컨대 10분의 1로 줄이세요 (p.88)",
                first=_fmt(tenths[0]),
                last=_fmt(tenths[2]),
            )
        )
    elif tenths is not None and below_target and nothing_else and _still_falling(*tenths):
        used = f"{cpu_s:.2f}" if cpu_s is not None else "?"
        found.append(
            _say(
                "train-longer",
                "the training loss was still falling when training stopped ({before} → {last} over "
                "the last tenth of the steps): train for more epochs (or with a larger learning "
                "rate); {used} s of the {budget} s CPU budget were used (p.88)",
                "학습이 끝날 때도 손실이 계속 줄고 있었습니다 (마지막 10% 구간에서 {before} → "
                "{last}): 에폭을 늘리세요 (또는 학습률을 키우세요). CPU 예산 {budget}초 중 "
                "{used}초를 썼습니다 (p.88)",
                before=_fmt(tenths[1]),
                last=_fmt(tenths[2]),
                used=used,
                budget=f"{budget_s:g}",
            )
        )
    return found


def one_class(label: int, watch: Any) -> Text:
    """Every prediction is ``label``: "not learned" only when the training loss did not fall."""
    if loss_fell(watch):
        tenths = _tenths(_losses(watch)[0])
        assert tenths is not None
        first, last = _fmt(tenths[0]), _fmt(tenths[2])
        return {
            "en": f"every prediction is class {label} although the training loss fell from "
            f"{first} to {last}: the model learned on the training inputs but sees something "
            "else when predicting — apply the same preprocessing in predict() as in train()",
            "ko": f"학습 손실은 {first}에서 {last}(으)로 줄었는데 모든 예측이 클래스 {label}입니다: "
            "모델은 학습 입력으로는 배웠지만 예측할 때 다른 것을 봅니다 — train()과 같은 전처리를 "
            "predict()에도 적용하세요",
        }
    return msg("train_one_class", label=label)

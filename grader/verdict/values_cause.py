"""Why the values differ: named hypotheses tested on the submission's output against the reference's.

Model checks give the submission exactly the reference's weights (:mod:`grader.inside.weights`), so
when every parameter maps, the two outputs on the same input differ only by what the two
``forward``s compute. Many slips are one function away from the reference: a softmax over the
wrong dim, an activation left on (or left off) the output, the batch and time dims swapped.
Each hypothesis below says how the submission's output would follow from the reference's
(``got ≈ f(ref)``, or ``f(got) ≈ ref`` for a missing step); the first one that explains every
failing float-tensor observation of the run is named.

This runs in the grader's own process on the plain observations both runs reported, so a
submission cannot patch it. Nothing is said when no hypothesis explains every such observation,
when a check failed with an error, or when nothing failed by value: a wrong hint is worse than
none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from grader.text import Text, tr
from grader.verdict.compare import compare
from grader.verdict.judge import Reference
from grader.verdict.outcome import Outcome
from grader.verdict.result import Diagnosis

ATOL = 1e-4  # float32 outputs recomputed in float64: the hypotheses' own rounding
RTOL = 1e-3

Array = Any  # numpy.ndarray; numpy is imported only when a check failed by value


@dataclass(frozen=True)
class Hypothesis:
    """A named way the submission's output follows from the reference's."""

    id: str
    en: str
    ko: str
    holds: Callable[[Array, Array], bool]  # (reference, submission) -> explained


def _np() -> Any:
    import numpy

    return numpy


def _close(a: Array, b: Array, atol: float, rtol: float) -> bool:
    np = _np()
    if a.shape != b.shape:
        return False
    with np.errstate(all="ignore"):
        return bool(np.all(np.abs(a - b) <= atol + rtol * np.abs(b)))


def _softmax(x: Array, dim: int) -> Array:
    np = _np()
    shifted = x - x.max(axis=dim, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=dim, keepdims=True)


def _log_softmax(x: Array, dim: int) -> Array:
    np = _np()
    shifted = x - x.max(axis=dim, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=dim, keepdims=True))


def _sigmoid(x: Array) -> Array:
    np = _np()
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-x))


_TOL = {"atol": ATOL, "rtol": RTOL}


def _after(f: Callable[[Array], Array]) -> Callable[[Array, Array], bool]:
    """The submission applies ``f`` to what the reference returns."""
    return lambda ref, got: _close(f(ref), got, **_TOL)


def _missing(f: Callable[[Array], Array]) -> Callable[[Array, Array], bool]:
    """The reference applies ``f`` to what the submission returns."""
    return lambda ref, got: _close(f(got), ref, **_TOL)


def _wrong_dim(f: Callable[[Array, int], Array]) -> Callable[[Array, Array], bool]:
    """``f`` over a dim other than the last (where a softmax over classes goes), of size > 1."""

    def holds(ref: Array, got: Array) -> bool:
        return any(
            _close(f(ref, dim), got, **_TOL) for dim in range(ref.ndim - 1) if ref.shape[dim] > 1
        )

    return holds


def _transposed(ref: Array, got: Array) -> bool:
    if ref.ndim < 2 or ref.shape[0] == ref.shape[1]:
        return False
    return _close(ref.swapaxes(0, 1), got, **_TOL)


def _probabilities(ref: Array) -> bool:
    np = _np()
    return bool(ref.ndim >= 1 and np.all(ref >= 0) and np.allclose(ref.sum(axis=-1), 1, atol=1e-4))


def _in_unit_interval(ref: Array) -> bool:
    np = _np()
    return bool(np.all(ref > 0) and np.all(ref < 1))


HYPOTHESES: tuple[Hypothesis, ...] = (
    Hypothesis(
        "transposed-batch-time",
        "the output's first two dims are swapped: the reference gives (batch, time, …) and this "
        "gives (time, batch, …); with batch_first=True the LSTM's output is already batch first, "
        "so no transpose or permute is needed (p.172–173)",
        "출력의 처음 두 차원이 바뀌었습니다: 정답은 (배치, 시점, …)인데 이 출력은 (시점, 배치, …)입니다. "
        "batch_first=True인 LSTM의 출력은 이미 배치가 먼저이므로 transpose나 permute가 필요 없습니다 "
        "(p.172–173)",
        _transposed,
    ),
    Hypothesis(
        "softmax-wrong-dim",
        "the output is a softmax over the wrong dim (dim=0 normalises over the samples of the "
        "batch, dim=1 of an (N, T, C) output over the time steps): normalise each row over its "
        "classes, dim=-1 (p.86–87)",
        "출력이 잘못된 차원에 대한 softmax입니다 (dim=0은 배치의 샘플들에 대해, (N, T, C) 출력의 "
        "dim=1은 시점들에 대해 정규화합니다): 각 행을 클래스에 대해, dim=-1로 정규화하세요 (p.86–87)",
        _wrong_dim(_softmax),
    ),
    Hypothesis(
        "log-softmax-wrong-dim",
        "the output is a log_softmax over the wrong dim (dim=0 normalises over the samples of the "
        "batch, dim=1 of an (N, T, C) output over the time steps): normalise each row over its "
        "classes, dim=-1 (p.86–87)",
        "출력이 잘못된 차원에 대한 log_softmax입니다 (dim=0은 배치의 샘플들에 대해, (N, T, C) 출력의 "
        "dim=1은 시점들에 대해 정규화합니다): 각 행을 클래스에 대해, dim=-1로 정규화하세요 (p.86–87)",
        _wrong_dim(_log_softmax),
    ),
    Hypothesis(
        "extra-softmax",
        "the output goes through a softmax the task does not ask for: return the last layer's "
        "raw values (logits); CrossEntropyLoss applies softmax itself (p.86–87)",
        "문제가 요구하지 않은 softmax를 출력에 적용했습니다: 마지막 층의 값(로짓)을 그대로 반환하세요. "
        "CrossEntropyLoss가 softmax를 직접 적용합니다 (p.86–87)",
        _after(lambda x: _softmax(x, -1)),
    ),
    Hypothesis(
        "extra-log-softmax",
        "the output goes through a log_softmax the task does not ask for: return the last "
        "layer's raw values (logits); CrossEntropyLoss applies log_softmax itself (p.86–87)",
        "문제가 요구하지 않은 log_softmax를 출력에 적용했습니다: 마지막 층의 값(로짓)을 그대로 "
        "반환하세요. CrossEntropyLoss가 log_softmax를 직접 적용합니다 (p.86–87)",
        _after(lambda x: _log_softmax(x, -1)),
    ),
    Hypothesis(
        "extra-relu",
        "a ReLU on the output that the task does not ask for: every negative value becomes 0; "
        "the last layer's output is returned as it is (p.81–84)",
        "문제가 요구하지 않은 ReLU를 출력에 적용했습니다: 음수가 모두 0이 됩니다. 마지막 층의 출력을 "
        "그대로 반환하세요 (p.81–84)",
        _after(lambda x: _np().maximum(x, 0)),
    ),
    Hypothesis(
        "extra-sigmoid",
        "a Sigmoid on the output that the task does not ask for: it squeezes every value into "
        "(0, 1); the last layer's output is returned as it is (p.84–85)",
        "문제가 요구하지 않은 Sigmoid를 출력에 적용했습니다: 모든 값이 (0, 1)로 눌립니다. 마지막 층의 "
        "출력을 그대로 반환하세요 (p.84–85)",
        _after(_sigmoid),
    ),
    Hypothesis(
        "extra-tanh",
        "a Tanh on the output that the task does not ask for: it squeezes every value into "
        "(-1, 1); the last layer's output is returned as it is (p.81–84)",
        "문제가 요구하지 않은 Tanh를 출력에 적용했습니다: 모든 값이 (-1, 1)로 눌립니다. 마지막 층의 "
        "출력을 그대로 반환하세요 (p.81–84)",
        _after(lambda x: _np().tanh(x)),
    ),
    Hypothesis(
        "missing-softmax",
        "the softmax at the end is missing: the task asks for probabilities that sum to 1 over "
        "the classes, softmax(dim=-1) of the last layer's output (p.86–87)",
        "마지막의 softmax가 빠졌습니다: 문제는 클래스에 대해 합이 1인 확률, 즉 마지막 층 출력의 "
        "softmax(dim=-1)를 요구합니다 (p.86–87)",
        lambda ref, got: _probabilities(ref) and _missing(lambda x: _softmax(x, -1))(ref, got),
    ),
    Hypothesis(
        "missing-sigmoid",
        "the Sigmoid at the end is missing: the task asks for probabilities in (0, 1), the "
        "Sigmoid of the last layer's output (p.84–85)",
        "마지막의 Sigmoid가 빠졌습니다: 문제는 (0, 1) 사이의 확률, 즉 마지막 층 출력의 Sigmoid를 "
        "요구합니다 (p.84–85)",
        lambda ref, got: _in_unit_interval(ref) and _missing(_sigmoid)(ref, got),
    ),
)


def _floats(value: Any) -> Array | None:
    """An encoded float tensor as a float64 array (None for anything else)."""
    if not isinstance(value, dict) or not isinstance(value.get("$tensor"), dict):
        return None
    tensor = value["$tensor"]
    if not str(tensor.get("dtype", "")).startswith(("torch.float", "torch.bfloat")):
        return None
    np = _np()
    try:
        array = np.asarray(tensor.get("values"), dtype=np.float64)
        shape = tuple(int(n) for n in tensor.get("shape") or ())
        array = array.reshape(shape)
    except (ValueError, TypeError):
        return None
    return array if array.size and np.all(np.isfinite(array)) else None


def _pairs(reference: Reference, outcome: Outcome) -> list[tuple[Array, Array]] | None:
    """(reference, submission) outputs of every float-tensor observation that differs; None
    when a check failed in another way (an error, a missing observation)."""
    got_checks: dict[str, dict[str, Any]] = {}
    for check in outcome.checks:
        if isinstance(check, dict) and isinstance(check.get("name"), str):
            got_checks.setdefault(check["name"], check)
    pairs: list[tuple[Array, Array]] = []
    for ref_check in reference.checks:
        got = got_checks.get(str(ref_check.get("name")))
        if got is None or got.get("error") is not None:
            return None
        ours, theirs = ref_check.get("observations"), got.get("observations")
        if not isinstance(ours, list) or not isinstance(theirs, list) or len(ours) != len(theirs):
            return None
        for ref_obs, got_obs in zip(ours, theirs, strict=True):
            if not isinstance(ref_obs, dict) or compare(ref_obs, got_obs) is None:
                continue
            if ref_obs.get("fmt") == "unchanged":
                continue  # an input the function must not modify: not an output
            ref = _floats(ref_obs.get("value"))
            got_value = _floats(got_obs.get("value") if isinstance(got_obs, dict) else None)
            if ref is not None and got_value is not None:
                pairs.append((ref, got_value))
    return pairs


def values_cause(reference: Reference, outcome: Outcome) -> list[Diagnosis]:
    """The hypothesis that explains every float output that differs, or nothing."""
    if outcome.problem() is not None:
        return []
    pairs = _pairs(reference, outcome)
    if not pairs:
        return []
    for hypothesis in HYPOTHESES:
        if all(hypothesis.holds(ref, got) for ref, got in pairs):
            message: Text = tr(hypothesis.en, hypothesis.ko)
            return [Diagnosis(id=hypothesis.id, message=message)]
    return []

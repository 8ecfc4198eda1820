"""Training misses explained from outside: what the sandbox saw of the loss and of the first
layer names the cause; "has not learned" is said only when the training loss did not fall."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from grader import Grader, GradeResult
from grader.verdict.training_diagnose import diagnoses, one_class
from question_bank import Bank

HERE = Path(__file__).parent / "training_mistakes"
GOOD = sorted((Path(__file__).parent / "training_submissions").glob("*_good_*.py"))
EXPECTED: dict[str, str] = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))
TASKS = {
    "cancer": "train-cancer-binary",
    "lstm": "train-sequence-lstm",
    "digits": "train-digits-dnn",
    "house": "train-house-prices",
}


def _task(bank: Bank, path: Path) -> Any:
    prefix = path.name.split("_")[0]
    return bank.tasks[TASKS[prefix]]


@pytest.fixture(scope="module")
def graded(bank: Bank, grader: Grader) -> dict[str, GradeResult]:
    paths = [*(HERE / name for name in EXPECTED), *GOOD]
    handles = {p.name: grader.submit(_task(bank, p), p.read_text("utf-8")) for p in paths}
    results = {name: handle.result(timeout=300) for name, handle in handles.items()}
    assert all(isinstance(r, GradeResult) for r in results.values())
    return results  # type: ignore[return-value]


def test_every_file_is_listed() -> None:
    assert {p.name for p in HERE.glob("*.py")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_training_miss_gets_its_cause_in_both_languages(
    graded: dict[str, GradeResult], name: str
) -> None:
    result = graded[name]
    assert not result.passed
    assert [d.id for d in result.diagnoses] == [EXPECTED[name]]
    message = result.diagnoses[0].message
    assert message["en"] and message["ko"] and "(p." in message["en"] and "(p." in message["ko"]


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_a_correct_training_file_gets_no_diagnosis(
    graded: dict[str, GradeResult], path: Path
) -> None:
    assert graded[path.name].passed and graded[path.name].diagnoses == []


def _watch(**fields: Any) -> dict[str, Any]:
    return {"loss": "cross_entropy", "checked": 10, "probabilities": 0, **fields}


def _ids(watch: Any, below: bool = True) -> list[str]:
    found = diagnoses(watch, predictions=[0, 1], below_target=below, cpu_s=1.0, budget_s=30)
    return [d.id for d in found]


def test_a_loss_that_grows_or_goes_nan_blames_the_learning_rate() -> None:
    assert _ids(_watch(losses=[0.7] * 10 + [float(i) for i in range(1, 31)])) == ["loss-diverged"]
    assert _ids(_watch(losses=[0.7] * 30 + [None])) == ["loss-nan"]


def test_a_flattened_loss_is_not_told_to_train_longer() -> None:
    assert _ids(_watch(losses=[1.0 / (1 + i) for i in range(40)] + [0.02] * 40)) == []
    falling = [1.0 - 0.01 * i for i in range(60)]
    assert _ids(_watch(losses=falling)) == ["train-longer"]
    assert _ids(_watch(losses=falling), below=False) == []  # on target: nothing to say


def test_one_class_says_not_learned_only_when_the_loss_did_not_fall() -> None:
    fell = _watch(losses=[0.7] * 10 + [0.1] * 30)
    assert "although the training loss fell from 0.7 to 0.1" in one_class(1, fell)["en"]
    assert "학습 손실은 0.7에서 0.1(으)로 줄었는데" in one_class(1, fell)["ko"]
    flat = _watch(losses=[0.7] * 40)
    assert "has not learned" in one_class(1, flat)["en"]
    assert "has not learned" in one_class(1, None)["en"]


@pytest.mark.parametrize(
    "watch",
    [
        None,
        [],
        {"losses": "x"},
        {"losses": [1e400, "a", None] * 20, "checked": "x"},
        {"first_train": float("nan"), "first_test": 1e9, "order_agreement": "1"},
    ],
)
def test_a_malformed_watch_never_raises(watch: Any) -> None:
    _ids(watch)
    one_class(0, watch)


@pytest.mark.parametrize(
    ("name", "layer", "feeding"),
    [
        ("digits_wrong_in_features.py", "nn.Linear(784, 128)", None),
        ("cancer_hidden_mismatch.py", "nn.Linear(32, 2)", "nn.Linear(30, 16)"),
        ("lstm_input_size_hidden.py", "nn.LSTM(input_size=32", "nn.Embedding(50, 16)"),
    ],
)
def test_a_shape_error_in_train_names_the_layer_and_what_feeds_it(
    graded: dict[str, GradeResult], name: str, layer: str, feeding: str | None
) -> None:
    """A quick failure in train() is run once more with the layer trace on, so the
    explanation names the layer's arguments and the layer before it, as in a graded run."""
    (found,) = graded[name].diagnoses
    for lang in ("en", "ko"):
        assert layer in found.message[lang], found.message[lang]
        if feeding is not None:
            assert feeding in found.message[lang], found.message[lang]

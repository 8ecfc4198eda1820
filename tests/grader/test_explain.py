"""Runtime-error explanations: the layer that raised, its numbers and the likely cause.

The crashing submissions under crashing/<task-id>/ are graded for real (a
forward-hook trace in the sandboxed child, the explanation in this process);
expected.yaml says which diagnosis each must get and what it must name, in
English and Korean. The explainers are also fed hand-made faults, including
malformed ones: the fault comes from an untrusted process.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from grader import Grader, GradeResult
from grader.verdict.explain import explain, explain_all
from question_bank import Bank

HERE = Path(__file__).parent / "crashing"
EXPECTED: dict[str, dict[str, str]] = yaml.safe_load(
    (HERE / "expected.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def crashing(bank: Bank, grader: Grader) -> dict[str, GradeResult]:
    handles = {
        name: grader.submit(bank.tasks[name.split("/")[0]], (HERE / name).read_text("utf-8"))
        for name in EXPECTED
    }
    return {name: handle.result(timeout=300) for name, handle in handles.items()}


def test_every_crashing_file_is_listed() -> None:
    files = {f"{f.parent.name}/{f.name}" for f in HERE.glob("*/*.py")}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_crashing_file_gets_an_explanation_naming_the_layer_in_both_languages(
    crashing: dict[str, GradeResult], name: str
) -> None:
    result = crashing[name]
    expected = EXPECTED[name]
    assert not result.passed
    assert result.diagnoses[0].id == expected["id"]
    assert len(result.diagnoses) == 1 or name.endswith("flat_input_into_conv.py")
    message = result.diagnoses[0].message
    for lang in ("en", "ko"):
        assert expected["names"] in message[lang], lang
        assert expected["says"] in message[lang], lang
    assert "p." in message["en"] and "p." in message["ko"]  # the textbook page


def test_checks_failing_with_the_same_exception_point_to_the_first(
    crashing: dict[str, GradeResult],
) -> None:
    result = crashing["cnn-fashion/no_padding_linear_kept.py"]
    failed = [c for c in result.checks if not c.passed]
    first = failed[0]
    assert "mat1 and mat2" in first.message_in("en")
    assert len(failed) > 3
    for check in failed[1:]:  # batch 5's numbers differ, it is still the same error
        assert check.message_in("en") == f"the same error as in '{first.title_in('en')}'"
        assert check.message_in("ko") == f"'{first.title_in('ko')}'과(와) 같은 오류"


# -- hand-made faults ------------------------------------------------------------------


def _layer(kind: str, shape_in: list[int], shape_out: list[int] | None, **config: Any) -> Any:
    return {"type": kind, "torch": True, "config": config, "in": shape_in, "out": shape_out}


def _fault(message: str, running: list[Any], finished: list[Any], **extra: Any) -> Any:
    return {
        "exception": extra.pop("exception", "RuntimeError"),
        "message": message,
        "line": 12,
        "running": running,
        "finished": finished,
        **extra,
    }


def test_a_linear_after_a_bidirectional_lstm_is_told_it_gets_two_directions() -> None:
    lstm = _layer("LSTM", [2, 5, 8], [2, 5, 32], input_size=8, hidden_size=16, bidirectional=True)
    linear = _layer("Linear", [2, 5, 32], None, in_features=16, out_features=4)
    found = explain(
        _fault("mat1 and mat2 shapes cannot be multiplied (10x32 and 16x4)", [linear], [lstm])
    )
    assert found is not None and found.id == "runtime-linear-in-features"
    assert "bidirectional" in found.message["en"] and "2*hidden_dim" in found.message["ko"]
    assert "(line 12)" in found.message["en"] and "(12번 줄)" in found.message["ko"]


def test_shapes_through_functional_pooling_are_inferred_from_the_gaps() -> None:
    conv1 = _layer("Conv2d", [1, 1, 28, 28], [1, 32, 26, 26], in_channels=1, out_channels=32,
                   kernel_size=[3, 3], stride=[1, 1], padding=[0, 0])  # fmt: skip
    conv2 = _layer("Conv2d", [1, 32, 13, 13], [1, 64, 11, 11], in_channels=32, out_channels=64,
                   kernel_size=[3, 3], stride=[1, 1], padding=[0, 0])  # fmt: skip
    linear = _layer("Linear", [1, 1600], None, in_features=3136, out_features=128)
    found = explain(
        _fault(
            "mat1 and mat2 shapes cannot be multiplied (1x1600 and 3136x128)",
            [linear],
            [conv1, conv2],
        )
    )
    assert found is not None
    text = found.message["en"]
    assert "max_pool2d (N, 32, 13, 13)" in text and "max_pool2d (N, 64, 5, 5)" in text
    assert "padding=1" in text and "64×7×7 = 3136" in text


def test_an_embedding_index_beyond_the_vocabulary_without_swapped_arguments() -> None:
    embedding = {**_layer("Embedding", [2, 5], None, num_embeddings=50, embedding_dim=8)}
    embedding["ids"] = [0, 70]
    found = explain(_fault("index out of range in self", [embedding], [], exception="IndexError"))
    assert found is not None and found.id == "runtime-embedding-index"
    assert "token id 70" in found.message["en"] and "swapped" not in found.message["en"]


def test_bce_outside_zero_and_one_names_the_range_and_the_two_fixes() -> None:
    loss = {**_layer("BCELoss", [8, 1], None), "range": [-2.5, 3.0]}
    found = explain(_fault("all elements of input should be between 0 and 1", [loss], []))
    assert found is not None and found.id == "runtime-bce-range"
    assert "-2.5 … 3" in found.message["en"] and "BCEWithLogitsLoss" in found.message["ko"]


def test_a_loss_whose_rows_differ_from_the_targets() -> None:
    loss = _layer("CrossEntropyLoss", [1, 10], None)
    found = explain(
        _fault(
            "Expected input batch_size (1) to match target batch_size (8).",
            [loss],
            [],
            exception="ValueError",
        )
    )
    assert found is not None and found.id == "runtime-loss-batch"
    assert "1 rows" in found.message["en"] and "8" in found.message["ko"]


def test_an_error_inside_a_layer_with_no_known_pattern_still_names_the_layer() -> None:
    layer = _layer("BatchNorm1d", [4, 10], None, num_features=64)
    found = explain(_fault("running_mean should contain 10 elements not 64", [layer], []))
    assert found is not None and found.id == "runtime-layer"
    assert "nn.BatchNorm1d" in found.message["en"] and "(4, 10)" in found.message["ko"]


def test_an_error_outside_any_layer_with_no_known_pattern_gets_nothing() -> None:
    assert explain(_fault("something else", [], [], exception="KeyError")) is None


@pytest.mark.parametrize(
    "fault",
    [
        None,
        "mat1",
        {"exception": 1, "message": "x"},
        _fault("mat1 and mat2 shapes cannot be multiplied (1x5 and 3x2)", "nope", 7),
        _fault(
            "mat1 and mat2 shapes cannot be multiplied (1x5 and 3x2)",
            [{"type": "Linear; rm -rf", "torch": True, "in": ["a"], "config": {"x": object()}}],
            [{"type": "Linear", "in": [10**20], "config": [1, 2]}],
        ),
    ],
)
def test_malformed_faults_never_raise(fault: Any) -> None:
    found = explain(fault)
    assert found is None or "rm -rf" not in found.message["en"]


def test_the_message_itself_is_never_quoted() -> None:
    secret = "assert model(x).shape == (8, 10), 'hidden'"
    layer = _layer("Linear", [1, 5], None, in_features=3, out_features=2)
    found = explain(_fault(f"{secret} mat1 and mat2 shapes cannot be multiplied (1x5 and 3x2)",
                           [layer], []))  # fmt: skip
    assert found is not None and "hidden" not in found.message["en"]


def test_the_same_error_with_another_batch_size_is_explained_once() -> None:
    linear = _layer("Linear", [1, 5], None, in_features=3, out_features=2)
    faults = [
        _fault("mat1 and mat2 shapes cannot be multiplied (1x5 and 3x2)", [linear], []),
        _fault("mat1 and mat2 shapes cannot be multiplied (8x5 and 3x2)", [linear], []),
    ]
    assert len(explain_all(faults)) == 1

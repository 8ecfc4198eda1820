"""The verdict from plain observations: messages say what was expected and what was seen,
in English and in Korean."""

from __future__ import annotations

from typing import Any

import pytest

from grader.text import Text, tr
from grader.verdict.compare import compare
from grader.verdict.judge import Reference, ReferenceBroken, grade, reference_from
from grader.verdict.messages import MESSAGES
from grader.verdict.outcome import Outcome


def en(text: Text | None) -> str | None:
    return None if text is None else text["en"]


def tensor(shape: list[int], dtype: str, values: Any) -> dict[str, Any]:
    return {"$tensor": {"shape": shape, "dtype": dtype, "values": values}}


def obs(label: str | Text, value: Any, how: str = "exact", **extra: Any) -> dict[str, Any]:
    return {"label": label, "how": how, "value": value, **extra}


OUT = tensor([2, 2], "torch.float32", [[1.0, 2.0], [3.0, 4.0]])


@pytest.mark.parametrize(
    ("got", "message"),
    [
        (
            tensor([8, 64, 7, 7], "torch.float32", [0.0]),
            "expected output shape (2, 2), got (8, 64, 7, 7)",
        ),
        (
            tensor([2, 2], "torch.float64", [[1.0, 2.0], [3.0, 4.0]]),
            "expected output dtype torch.float32, got torch.float64",
        ),
        (
            tensor([2, 2], "torch.float32", [[1.0, 2.0], [3.0, 4.5]]),
            "output values differ from the reference at (1, 1): expected 4.0, got 4.5 (1 of 4 values differ)",
        ),
        (
            [[1.0, 2.0], [3.0, 4.0]],
            "expected output to be a torch.Tensor, got [[1.0, 2.0], [3.0, 4.0]]",
        ),
        (
            {"$object": "submission.Liar"},
            "expected output to be a torch.Tensor, got a submission.Liar",
        ),
    ],
)
def test_tensor_mismatches_name_the_first_difference(got: Any, message: str) -> None:
    result = en(
        compare(obs("output", OUT, "tensor", atol=1e-5, rtol=1e-4, dtype=True), obs("output", got))
    )
    assert result is not None and result.startswith(message)


def test_tensor_values_within_the_tolerance_match() -> None:
    near = tensor([2, 2], "torch.float32", [[1.000001, 2.0], [3.0, 4.0002]])
    assert compare(obs("output", OUT, "tensor", atol=1e-5, rtol=1e-4), obs("output", near)) is None


def test_an_input_that_changed_is_reported_as_modified() -> None:
    before = tensor([3], "torch.int64", [1, 2, 3])
    after = tensor([3], "torch.int64", [1, 9, 3])
    message = en(compare(obs("input x", before, "tensor", fmt="unchanged"), obs("input x", after)))
    assert (
        message
        == "input x was modified by the call: the value at (1,) was 2, now 9 (1 of 3 values differ)"
    )


@pytest.mark.parametrize(
    ("ref", "got", "message"),
    [
        (421642, 206922, "expected parameter count 421,642, got 206,922"),
        (26, 26.0, "expected parameter count 26 (a Python int), got 26.0 (a Python float)"),
        (True, 1, "expected parameter count True (a bool), got 1 (a Python int)"),
        (
            {"$tuple": [2, 3]},
            [2, 3],
            "expected parameter count (2, 3) (a tuple), got [2, 3] (a list)",
        ),
    ],
)
def test_exact_values_compare_types_too(ref: Any, got: Any, message: str) -> None:
    assert en(compare(obs("parameter count", ref, fmt="count"), obs("parameter count", got))) == (
        message
    )


def test_numbers_within_a_tolerance_say_by_how_much_they_differ() -> None:
    ref = obs("mean loss", 1.0, "close", atol=1e-6, rtol=1e-5)
    assert compare(ref, obs("mean loss", 1.000001)) is None
    assert (
        en(compare(ref, obs("mean loss", 1.5)))
        == "expected mean loss 1.0, got 1.5 (the values differ by 0.5)"
    )


def test_an_observation_that_is_missing_or_renamed_does_not_match() -> None:
    assert en(compare(obs("a", 1), None)) == "a: not observed"
    assert en(compare(obs("a", 1), obs("b", 1))) == "a: not observed"


def test_messages_are_in_korean_with_the_label_in_korean() -> None:
    shape = tr("output shape", "출력 모양")
    message = compare(
        obs(shape, {"$tuple": [8, 10]}, fmt="shape"), obs(shape, {"$tuple": [8, 64, 7, 7]})
    )
    assert message == {
        "en": "expected output shape (8, 10), got (8, 64, 7, 7)",
        "ko": "출력 모양: 기대값 (8, 10), 실제 (8, 64, 7, 7)",
    }
    values = compare(obs(tr("output", "출력"), OUT, "tensor"), obs(tr("output", "출력"), [1.0]))
    assert values is not None and values["ko"] == "출력: 기대값 torch.Tensor, 실제 [1.0]"


def test_every_message_template_has_both_languages_with_the_same_fields() -> None:
    import string

    for key, (english, korean) in MESSAGES.items():
        fields = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in (english, korean)]
        assert english and korean and fields[0] - {"article"} == fields[1], (
            key
        )  # no "a"/"an" in Korean


def _reference() -> Reference:
    return Reference(
        checks=[
            {"name": "defines f()", "points": 0.0, "observations": []},
            {
                "name": "shape",
                "points": 1.0,
                "observations": [obs("shape", {"$tuple": [2]}, fmt="shape")],
            },
            {
                "name": "values",
                "points": 3.0,
                "observations": [obs("v", 1.0, "close", atol=0.0, rtol=0.0)],
            },
        ],
        exports={},
    )


def _outcome(checks: list[dict[str, Any]], **fields: Any) -> Outcome:
    outcome = Outcome(mode="grade", time_limit_s=10, memory_mb=1024, ready=True, checks=checks)
    outcome.done = {"type": "done", "stopped_by": None, "fatal": None}
    outcome.ended = {"reason": None, "exit_code": 0, "signal": None, "leftovers": 0}
    for key, value in fields.items():
        setattr(outcome, key, value)
    return outcome


def _check(name: str, *observations: dict[str, Any], error: str | None = None) -> dict[str, Any]:
    return {"name": name, "observations": list(observations), "error": error}


def test_points_come_from_the_reference_and_scale_to_the_task() -> None:
    checks = [
        _check("defines f()"),
        _check("shape", obs("shape", {"$tuple": [2]})),
        {
            **_check("values", obs("v", 2.0)),
            "points": 1000.0,
        },  # the submission cannot raise its points
    ]
    result = grade("t", 20.0, _reference(), _outcome(checks))
    assert result.error_kind is None
    assert [c.max_points for c in result.checks] == [0.0, 5.0, 15.0]
    assert [c.passed for c in result.checks] == [True, True, False]
    assert (result.score, result.max_score, result.passed) == (5.0, 20.0, False)


def test_checks_that_did_not_run_say_why() -> None:
    stopped = _outcome([_check("defines f()", error="your code does not define f")])
    stopped.done = {"type": "done", "stopped_by": "defines f()"}
    result = grade("t", 10, _reference(), stopped)
    assert [c.message_in("en") for c in result.checks] == [
        "your code does not define f",
        "not run: 'defines f()' failed",
        "not run: 'defines f()' failed",
    ]
    timed_out = _outcome([_check("defines f()")], done=None)
    timed_out.ended = {"reason": "time"}
    result = grade("t", 10, _reference(), timed_out)
    assert result.error == {"en": "time limit 10 s exceeded", "ko": "시간 제한 10초를 넘었습니다"}
    assert result.error_kind == "submission"
    assert result.checks[2].message_in("ko") == "실행되지 않음: 시간 제한 10초를 넘었습니다"


def test_a_report_that_ends_before_all_checks_is_tampering() -> None:
    result = grade("t", 10, _reference(), _outcome([_check("defines f()")]))
    assert result.error_in("en") == (
        "the program tampered with the grader (its report is incomplete)"
    )
    assert result.error_kind == "submission"
    assert not result.passed


@pytest.mark.parametrize("reason", ["cancelled", "internal"])
def test_a_run_the_grader_itself_stopped_is_an_internal_failure(reason: str) -> None:
    stopped = _outcome([], done=None)
    stopped.ended = {"reason": reason, "detail": "OSError: boom"}
    result = grade("t", 10, _reference(), stopped)
    assert (result.passed, result.error_kind) == (False, "internal")


def test_a_check_message_is_cut_short_and_never_quotes_the_hidden_tests() -> None:
    hidden = "def probe(p):\n    secret_input = p.randn(3, 4) * 17.5\n"
    long_error = {"en": "x" * 5000, "ko": "y" * 5000}
    quoting = "your code raised an exception: ValueError: secret_input = p.randn(3, 4) * 17.5"
    checks = [_check("defines f()", error=long_error), _check("shape", error=quoting)]
    result = grade("t", 10, _reference(), _outcome(checks), hidden_source=hidden)
    assert len(result.checks[0].message_in("en")) < 600
    assert len(result.checks[0].message_in("ko")) < 600
    assert "secret_input" not in result.model_dump_json()
    assert "hidden tests" in result.checks[1].message_in("en")


def test_malformed_check_reports_fail_instead_of_raising() -> None:
    checks = [_check("defines f()"), {"name": "shape", "observations": "lots"}, {"name": "values"}]
    result = grade("t", 10, _reference(), _outcome(checks))
    assert [c.passed for c in result.checks] == [True, False, False]


def test_a_reference_that_fails_its_own_check_is_a_broken_task() -> None:
    outcome = _outcome([_check("defines f()"), _check("shape", error="boom")])
    with pytest.raises(ReferenceBroken, match="fails its check 'shape': boom"):
        reference_from(outcome)


def test_the_words_of_a_reference_that_lack_korean_are_listed() -> None:
    reference = Reference(
        checks=[
            {
                "name": "shape",
                "title": tr("shape", "모양"),
                "points": 1.0,
                "observations": [obs("output shape", {"$tuple": [2]}, fail="wrong shape")],
            },
            {
                "name": "values",
                "title": {"en": "values"},
                "points": 1.0,
                "observations": [obs(tr("output", "출력"), 1.0)],
            },
        ],
        exports={},
    )
    assert reference.untranslated() == ["output shape", "wrong shape", "values"]


def test_a_forged_tensor_with_nonsense_fields_fails_the_check() -> None:
    forged = {"$tensor": {"shape": ["x"], "dtype": "torch.float32", "values": [1.0]}}
    reference = Reference(
        checks=[
            {
                "name": "v",
                "points": 1.0,
                "observations": [obs("out", tensor([1], "torch.float32", [2.0]), "tensor")],
            }
        ],
        exports={},
    )
    result = grade("t", 10, reference, _outcome([_check("v", obs("out", forged))]))
    assert not result.passed and result.checks[0].message

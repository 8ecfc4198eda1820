"""Training tasks graded end to end: real sandboxes, the bundled data, held-out-style files.

Correct files in several styles pass; wrong ones fail with their symptom; a
file that trains forever is stopped near its (small, for the test) budget and
leaves no process; a file that hunts for the test labels finds none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from grader import Grader, GradeResult, RunResult
from question_bank import Bank, TrainingTask

HERE = Path(__file__).parent / "training_submissions"
TASKS = {
    "cancer": "train-cancer-binary",
    "digits_dnn": "train-digits-dnn",
    "lstm": "train-sequence-lstm",
}
# The house-price (RMSLE) files are graded by test_training_regression.py.
GOOD = sorted(p for p in HERE.glob("*_good_*.py") if not p.name.startswith("house_"))
QUICK_BAD = [
    "cancer_bad_no_step.py",
    "cancer_bad_nan.py",
    "lstm_bad_bag_of_embeddings.py",
    "digits_dnn_bad_conv.py",
]


def task_of(bank: Bank, path: Path) -> TrainingTask:
    task = bank.tasks[TASKS[path.name.split("_good_")[0].split("_bad_")[0]]]
    assert isinstance(task, TrainingTask)
    return task


@pytest.fixture(scope="module")
def results(bank: Bank, grader: Grader) -> dict[str, GradeResult]:
    """The good files and the quick bad ones, submitted together so that both workers are busy."""
    paths = [*GOOD, *(HERE / name for name in QUICK_BAD)]
    handles = {
        p.name: grader.submit(task_of(bank, p), p.read_text(encoding="utf-8")) for p in paths
    }
    graded = {name: h.result(timeout=300) for name, h in handles.items()}
    assert all(isinstance(r, GradeResult) for r in graded.values())
    return graded  # type: ignore[return-value]


def failures(result: GradeResult) -> list[str]:
    return [c.message_in("en") for c in result.checks if not c.passed] + [
        result.error_in("en") or ""
    ]


@pytest.mark.parametrize("name", [p.name for p in GOOD])
def test_a_correct_training_file_passes(results: dict[str, GradeResult], name: str) -> None:
    result = results[name]
    assert result.passed, failures(result)
    assert result.score == result.max_score
    assert result.training is not None and result.training.metric is not None
    assert result.training.metric >= result.training.target
    assert 0 < result.training.cpu_s <= result.training.cpu_budget_s
    assert result.training.parameters and result.training.parameters > 0
    assert result.diagnoses == []


def test_no_optimizer_step_is_diagnosed(results: dict[str, GradeResult]) -> None:
    result = results["cancer_bad_no_step.py"]
    assert not result.passed and result.error is None
    assert result.training is not None and result.training.metric is not None
    assert result.training.metric < 0.95
    assert "no-optimizer-step" in [d.id for d in result.diagnoses]
    assert "optimizer.step()" in result.diagnoses[0].message["en"]
    assert result.diagnoses[0].message["ko"]


def test_a_nan_loss_is_diagnosed_with_one_class(results: dict[str, GradeResult]) -> None:
    result = results["cancer_bad_nan.py"]
    assert not result.passed and result.score == 0
    ids = [d.id for d in result.diagnoses]
    assert "nan-loss" in ids and "one-class" in ids


def test_a_model_without_the_required_module_is_not_trained(
    results: dict[str, GradeResult],
) -> None:
    result = results["lstm_bad_bag_of_embeddings.py"]
    assert not result.passed and result.score == 0
    [structure] = [c for c in result.checks if c.name == "requires nn.LSTM"]
    assert not structure.passed and "without nn.LSTM" in structure.message_in("en")
    assert "nn.LSTM" in structure.message_in("ko")
    assert result.training is not None and result.training.metric is None  # never ranked
    assert [c.name for c in result.checks] == ["requires nn.LSTM", "accuracy"]  # not trained


def test_a_forbidden_module_fails_the_structure_check(results: dict[str, GradeResult]) -> None:
    result = results["digits_dnn_bad_conv.py"]
    assert not result.passed and result.score == 0
    assert "uses nn.Conv2d" in failures(result)[0]


def test_the_score_follows_the_formula_between_floor_and_target(
    bank: Bank, results: dict[str, GradeResult]
) -> None:
    result = results["cancer_bad_no_step.py"]
    task = bank.tasks["train-cancer-binary"]
    assert isinstance(task, TrainingTask) and result.training is not None
    metric = result.training.metric
    assert metric is not None
    expected = task.points * min(1, max(0, (metric - task.floor) / (task.target - task.floor)))
    assert result.score == pytest.approx(expected, abs=0.01)


def test_the_same_file_gets_the_same_metric_twice(bank: Bank, grader: Grader) -> None:
    task = bank.tasks["train-cancer-binary"]
    source = task.read("solution.py")
    first, second = (grader.submit(task, source) for _ in range(2))
    a, b = first.result(timeout=300), second.result(timeout=300)
    assert isinstance(a, GradeResult) and isinstance(b, GradeResult)
    assert a.training is not None and b.training is not None
    assert a.training.metric == b.training.metric is not None
    assert a.training.parameters == b.training.parameters


def test_training_forever_is_stopped_near_its_budget_and_leaves_no_process(
    bank: Bank, grader: Grader
) -> None:
    task = bank.tasks["train-cancer-binary"].model_copy(update={"cpu_budget_s": 2.0})
    result = grader.grade(
        task, (HERE / "cancer_bad_forever.py").read_text(encoding="utf-8"), timeout=120
    )
    assert not result.passed and result.score == 0 and result.error_kind == "submission"
    error = result.error_in("en") or ""
    assert error.startswith("training was stopped after ")
    assert "the budget is 2 s" in error and "fewer epochs" in error
    ran = float(error.split("after ")[1].split(" s")[0])
    assert 2.0 <= ran <= 2.0 + 3.0 + 1.0  # the budget plus RLIMIT_CPU's margin
    assert "예산은 2초" in (result.error_in("ko") or "")
    assert grader.sandbox_processes() == []


def test_a_file_looking_for_the_test_labels_cannot_find_them(bank: Bank, grader: Grader) -> None:
    task = bank.tasks["train-cancer-binary"]
    assert isinstance(task, TrainingTask)
    answers = task.folder / task.answers
    source = (HERE / "cancer_bad_snoop.py").read_text(encoding="utf-8")
    source = source.replace("ANSWERS_PATH", str(answers.resolve()))
    result = grader.grade(task, source, timeout=300, show_output=True)
    assert result.error is None, result.error
    assert "cannot read answers.npz PermissionError" in result.output  # Landlock hides the bank
    assert "cannot read data.npz PermissionError" in result.output
    assert "candidates in memory and files: 0" in result.output, result.output
    assert "\nread " not in result.output
    assert result.training is not None and result.training.metric is not None
    assert result.training.metric < 0.5  # all zeros: the 42 malignant of 114
    assert "one-class" in [d.id for d in result.diagnoses]


def test_the_quick_run_trains_on_a_slice_without_scoring(bank: Bank, grader: Grader) -> None:
    task = bank.tasks["train-cancer-binary"]
    result = grader.run(task, task.read("solution.py"), timeout=300)
    assert isinstance(result, RunResult)
    assert result.ok, result.error
    [note] = result.notes
    assert note["en"].startswith("trained once on 128 training rows")
    assert "(not scored)" in note["en"] and note["ko"]


def test_grade_json_rows_add_metric_target_and_cpu_time(results: dict[str, GradeResult]) -> None:
    row = results["cancer_good_two_logits.py"].json_row("ko", file="a.py")
    assert row["target"] == 0.95 and row["metric"] >= 0.95 and row["cpu_s"] > 0


def test_a_running_job_counts_its_cpu_seconds_from_outside(bank: Bank, any_grader: Grader) -> None:
    """The CPU a training run has used so far, as the progress line shows it: measured by
    the app from the sandbox's processes while the run goes on (nothing the run says)."""
    import time

    task = bank.tasks["train-cancer-binary"]
    source = (HERE / "cancer_bad_forever.py").read_text(encoding="utf-8")
    handle = any_grader.submit(task, source)
    try:
        seen: list[float] = []
        deadline = time.monotonic() + 90
        while not seen or seen[-1] < 1.0:
            assert time.monotonic() < deadline, f"CPU seen so far: {seen[-5:]}"
            used = handle.cpu_s()
            if used is not None:
                seen.append(used)
            time.sleep(0.1)
        assert seen == sorted(seen)  # it only grows
        assert not handle.done()  # measured while the run goes on, not at its end
    finally:
        handle.cancel()

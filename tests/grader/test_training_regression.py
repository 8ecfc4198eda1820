"""The regression training task (train-house-prices, RMSLE, lower is better) graded end to
end on real sandboxes: a correct MLP passes within its budget, the constant median scores
0, predictions that RMSLE cannot score (≤ 0, nan) fail with a message that says so, and the
leaderboard puts the lowest RMSLE first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grader import Grader, GradeResult, RunResult
from question_bank import Bank, TrainingTask
from quizapp.store import open_url
from quizapp.training_view import format_board, training_line
from tests.helpers import quizapp
from tests.store.helpers import FakeClock, sqlite_url
from tests.verdicts import training_verdict

HERE = Path(__file__).parent / "training_submissions"
TASK = "train-house-prices"
FILES = sorted(HERE.glob("house_*.py"))


@pytest.fixture(scope="module")
def task(bank: Bank) -> TrainingTask:
    found = bank.tasks[TASK]
    assert isinstance(found, TrainingTask)
    return found


@pytest.fixture(scope="module")
def results(task: TrainingTask, grader: Grader) -> dict[str, GradeResult]:
    handles = {p.name: grader.submit(task, p.read_text(encoding="utf-8")) for p in FILES}
    graded = {name: h.result(timeout=300) for name, h in handles.items()}
    assert all(isinstance(r, GradeResult) for r in graded.values())
    return graded  # type: ignore[return-value]


def test_the_task_is_an_rmsle_regression_with_its_measured_floor(task: TrainingTask) -> None:
    assert (task.metric, task.lower_is_better, task.kind) == ("rmsle", True, "training")
    assert task.floor > task.target
    assert task.score(task.floor) == 0 and task.score(task.target) == task.points
    assert task.reaches(task.target) and not task.reaches(task.target + 0.01)


@pytest.mark.parametrize("name", ["house_good_mlp_bias_init.py"])
def test_a_standardized_log_price_mlp_passes_within_the_budget(
    results: dict[str, GradeResult], name: str
) -> None:
    result = results[name]
    report = result.training
    assert result.passed and result.score == result.max_score, result.checks
    assert report is not None and report.metric is not None
    assert report.metric_name == "rmsle" and report.metric <= report.target
    assert 0 < report.cpu_s <= report.cpu_budget_s / 3
    assert result.diagnoses == []
    row = result.json_row("en")
    assert (row["metric_name"], row["metric"]) == ("rmsle", report.metric)
    assert "RMSLE" in training_line(report, "en") and "≤ 0.17" in training_line(report, "en")
    assert "0.17 이하" in training_line(report, "ko")


def test_the_constant_median_gets_no_points(
    results: dict[str, GradeResult], task: TrainingTask
) -> None:
    result = results["house_bad_median.py"]
    assert result.error is None and not result.passed and result.score == 0
    assert result.training is not None and result.training.metric == pytest.approx(
        task.floor, abs=1e-4
    )
    [metric] = [c for c in result.checks if c.name == "rmsle"]
    assert "above the target 0.17 (lower is better" in metric.message_in("en")
    assert "낮을수록 좋음" in metric.message_in("ko")
    assert [d.id for d in result.diagnoses] == ["constant"]


def test_log_prices_read_as_dollars_score_nothing(results: dict[str, GradeResult]) -> None:
    result = results["house_bad_log_no_exp.py"]
    assert result.error is None and result.score == 0
    assert result.training is not None and result.training.metric is not None
    assert result.training.metric > 5  # log(1 + 12) against log(1 + 160,000)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("house_bad_negative.py", "predictions are 0 or negative"),
        ("house_bad_nan.py", "586 of 586 predictions are nan or inf"),
    ],
)
def test_predictions_rmsle_cannot_score_fail_with_a_clear_message(
    results: dict[str, GradeResult], name: str, words: str
) -> None:
    result = results[name]
    assert not result.passed and result.score == 0
    assert result.error_kind == "submission"
    assert words in (result.error_in("en") or "")
    assert result.error_in("ko") and result.error_in("ko") != result.error_in("en")
    assert result.training is not None and result.training.metric is None


def test_the_quick_run_reports_rmsle_on_the_training_rows(
    task: TrainingTask, grader: Grader
) -> None:
    source = (HERE / "house_good_mlp_bias_init.py").read_text(encoding="utf-8")
    run = grader.run(task, source)
    assert isinstance(run, RunResult) and run.ok, run.error
    assert any("RMSLE on those rows" in note["en"] for note in run.notes)


def test_the_leaderboard_ranks_the_lowest_rmsle_first(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "p.db")
    clock = FakeClock()
    for profile, rmsle in [("kim", 0.21), ("lee", 0.15), ("park", 0.15)]:
        clock.advance(minutes=1)
        verdict = training_verdict(TASK, rmsle)
        assert verdict.training is not None
        report = verdict.training.model_copy(update={"metric_name": "rmsle"})
        with open_url(url, profile, clock=clock) as store:
            store.practice.submit(TASK, "code", verdict.model_copy(update={"training": report}))
    with open_url(url, "kim", clock=clock) as store:
        board = store.leaderboard(TASK, {TASK: "rmsle"})
        as_accuracy = store.leaderboard(TASK)
    assert [(r.rank, r.profile, r.metric) for r in board] == [
        (1, "lee", 0.15),  # ties go to the earlier attempt
        (2, "park", 0.15),
        (3, "kim", 0.21),
    ]
    assert as_accuracy[0].profile == "kim"  # what ranking it as an accuracy would do
    assert board[0].json_row()["metric_name"] == "rmsle"
    assert "RMSLE" in format_board(TASK, board, "en").splitlines()[1]


def test_the_leaderboard_command_ranks_house_prices_by_lowest_rmsle(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "p.db")
    clock = FakeClock()
    for profile, rmsle in [("kim", 0.3), ("lee", 0.14)]:
        clock.advance(minutes=1)
        with open_url(url, profile, clock=clock) as store:
            store.practice.submit(TASK, "code", training_verdict(TASK, rmsle))
    run = quizapp("--db", url, "leaderboard", TASK, "--json")
    assert run.code == 0, run.err
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert [(r["rank"], r["profile"], r["metric_name"]) for r in rows] == [
        (1, "lee", "rmsle"),
        (2, "kim", "rmsle"),
    ]

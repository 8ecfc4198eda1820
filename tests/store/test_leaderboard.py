"""The training leaderboard in the store (SQLite and PostgreSQL) and `quizapp leaderboard`."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from quizapp.store import open_url
from tests.helpers import quizapp
from tests.store.helpers import START, FakeClock, sqlite_url
from tests.verdicts import training_verdict, verdict


def submit_as(
    url: str, clock: FakeClock, profile: str, task: str, metric: float, **kw: float
) -> None:
    with open_url(url, profile, clock=clock) as store:
        store.practice.submit(task, f"# {profile} {metric}", training_verdict(task, metric, **kw))


def test_attempts_keep_metric_cpu_time_and_parameters(db_url: str) -> None:
    clock = FakeClock()
    with open_url(db_url, "kim", clock=clock) as store:
        store.practice.submit(
            "train-digits-dnn", "code", training_verdict(cpu_s=2.5, parameters=99)
        )
        [attempt] = store.practice.history("train-digits-dnn")
        assert attempt.result.training is not None
        assert (attempt.result.training.metric, attempt.result.training.cpu_s) == (0.97, 2.5)
        assert attempt.code == "code"
        [row] = store.leaderboard("train-digits-dnn")
        assert (row.rank, row.profile, row.metric, row.cpu_s, row.parameters, row.at) == (
            1,
            "kim",
            0.97,
            2.5,
            99,
            START,
        )


def test_best_attempt_per_profile_ranked_and_ties_go_to_the_earlier(db_url: str) -> None:
    clock = FakeClock()
    submit_as(db_url, clock, "kim", "train-digits-dnn", 0.90)
    clock.advance(minutes=1)
    submit_as(db_url, clock, "lee", "train-digits-dnn", 0.96)  # earlier of the two 0.96
    clock.advance(minutes=1)
    submit_as(db_url, clock, "kim", "train-digits-dnn", 0.96)
    clock.advance(minutes=1)
    submit_as(db_url, clock, "park", "train-digits-dnn", 0.97)
    submit_as(db_url, clock, "kim", "train-digits-dnn", 0.80)  # worse: kim's best stays 0.96
    submit_as(db_url, clock, "kim", "train-digits-cnn", 0.99)
    with open_url(db_url, "kim", clock=clock) as store:
        store.practice.submit("tensor-argmax", "x", verdict("tensor-argmax"))  # not ranked
        board = store.leaderboard("train-digits-dnn")
        everything = store.leaderboard()
    assert [(r.rank, r.profile, r.metric) for r in board] == [
        (1, "park", 0.97),
        (2, "lee", 0.96),
        (3, "kim", 0.96),
    ]
    assert board[2].at == START + timedelta(minutes=2)
    assert [(r.task, r.rank, r.profile) for r in everything] == [
        ("train-digits-cnn", 1, "kim"),
        ("train-digits-dnn", 1, "park"),
        ("train-digits-dnn", 2, "lee"),
        ("train-digits-dnn", 3, "kim"),
    ]


def test_leaderboard_command_prints_json_rows(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "progress.db")
    clock = FakeClock()
    submit_as(url, clock, "lee", "train-digits-dnn", 0.96, cpu_s=4.0, parameters=1000)
    submit_as(url, clock, "kim", "train-cancer-binary", 0.97)
    run = quizapp("--db", url, "leaderboard", "train-digits-dnn", "--json")
    assert run.code == 0, run.err
    assert [json.loads(line) for line in run.out.splitlines()] == [
        {
            "task": "train-digits-dnn",
            "rank": 1,
            "profile": "lee",
            "metric": 0.96,
            "cpu_s": 4.0,
            "parameters": 1000,
            "at": START.isoformat(),
            "metric_name": "accuracy",
        }
    ]
    every = quizapp("--db", url, "--lang", "en", "leaderboard")
    assert every.code == 0, every.err
    assert "Leaderboard — train-cancer-binary" in every.out
    assert "Leaderboard — train-sequence-lstm\n  No attempts yet" in every.out
    lee = next(line for line in every.out.splitlines() if " lee " in line)
    assert lee.split() == ["1", "lee", "0.9600", "4.0", "s", "1,000", "2026-03-02", "09:00"]


def test_leaderboard_of_a_task_that_is_not_a_training_task_is_a_usage_error(
    tmp_path: Path,
) -> None:
    run = quizapp("--db", sqlite_url(tmp_path / "p.db"), "leaderboard", "tensor-argmax")
    assert run.code == 2
    assert run.err.strip().endswith(
        "'tensor-argmax' is not a training task (training tasks: train-cancer-binary, "
        "train-digits-cnn, train-digits-dnn, train-house-prices, train-sequence-lstm)"
    )
    assert "Traceback" not in run.err

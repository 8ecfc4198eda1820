"""The grader's log: a graded file leaves records naming its task, its file and its verdict."""

from __future__ import annotations

import logging

import pytest

from grader import Grader
from question_bank import Bank

GOOD = "def predict_classes(logits):\n    return logits.argmax(dim=1)\n"
WRONG = "def predict_classes(logits):\n    return logits.argmin(dim=1)\n"
LIFE = ("queued", "started", "finished")


def _messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name.startswith("grader.")]


def test_a_graded_file_is_logged_queued_started_and_finished_with_its_verdict(
    bank: Bank, grader: Grader, caplog: pytest.LogCaptureFixture
) -> None:
    task = bank.tasks["tensor-argmax"]
    with caplog.at_level(logging.INFO, logger="grader"):
        result = grader.grade(task, WRONG, timeout=120, name="kim/argmax.py")
    assert not result.passed
    mine = [m for m in _messages(caplog) if "tensor-argmax kim/argmax.py" in m]
    # its life in order (a shared grader may also log, with the file, that it restarted
    # a worker that an earlier test's job left dead)
    steps = [m.split(":")[0] for m in mine if m.split(":")[0] in LIFE]
    assert steps == list(LIFE)
    finished = mine[-1]
    assert f"failed {result.score:g}/{result.max_score:g}" in finished
    assert finished.endswith(" s")
    assert all(r.levelno == logging.INFO for r in caplog.records if "kim/argmax.py" in r.message)


def test_a_file_without_a_name_is_logged_with_a_dash(
    bank: Bank, grader: Grader, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="grader"):
        assert grader.grade(bank.tasks["tensor-argmax"], GOOD, timeout=120).passed
    assert any(m.startswith("finished: grade tensor-argmax -: passed") for m in _messages(caplog))

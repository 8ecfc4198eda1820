"""The exam's grade function on the real grader (its own worker processes): every task of an
attempt queued at once, verdicts back in order, full and partial scores, an empty task not
sent at all, and a grader that goes away mid-batch raising instead of inventing scores."""

from __future__ import annotations

import threading
from concurrent.futures import CancelledError

import pytest

from grader import Grader
from question_bank import Bank
from quizapp.exam.grading import grade_with

PARTIAL_ARGMAX = "def predict_classes(logits):\n    return logits.max(dim=1).values\n"


@pytest.fixture(scope="session")
def grader(shared_grader: Grader) -> Grader:
    return shared_grader


class Recording:
    """The real grader, noting the order of submissions and of waits."""

    def __init__(self, grader: Grader) -> None:
        self.grader = grader
        self.events: list[str] = []

    def submit(self, task: object, source: str) -> object:
        handle = self.grader.submit(task, source)  # type: ignore[arg-type]
        self.events.append(f"submit {handle.task_id}")
        events = self.events
        original = handle.result

        def result(timeout: float | None = None) -> object:
            events.append(f"wait {handle.task_id}")
            return original(timeout)

        handle.result = result  # type: ignore[method-assign]
        return handle


def test_all_tasks_are_queued_before_any_wait_and_come_back_in_order(
    bank: Bank, grader: Grader
) -> None:
    tasks = [bank.tasks[i] for i in ("tensor-argmax", "text-encode-pad", "cnn-output-size")]
    sources = [PARTIAL_ARGMAX, tasks[1].read("solution.py"), tasks[2].read("starter.py")]
    recording = Recording(grader)
    verdicts = grade_with(recording)(list(zip(tasks, sources, strict=True)))
    assert recording.events[:3] == [f"submit {t.id}" for t in tasks]  # in parallel
    assert [v.task for v in verdicts] == [t.id for t in tasks]
    partial, full, starter = verdicts
    assert not partial.passed and 0 < partial.score < partial.max_score == 10
    assert full.passed and full.score == full.max_score == tasks[1].points
    assert not starter.passed and starter.score == 0
    assert partial.checks and partial.duration_s > 0
    assert not partial.internal and partial.output == ""  # a graded run prints nothing back


def test_an_empty_task_is_not_sent_and_says_why(bank: Bank, grader: Grader) -> None:
    recording = Recording(grader)
    task = bank.tasks["tensor-argmax"]
    [verdict] = grade_with(recording)([(task, "  \n")])
    assert recording.events == []
    assert (verdict.passed, verdict.score, verdict.max_score) == (False, 0.0, task.points)
    assert verdict.error_in("ko") == "이 문제에 작성한 코드가 없습니다" and verdict.checks == []
    assert verdict.error_kind == "submission"  # the student's doing, not the grader's


@pytest.mark.slow  # starts and closes a grader of its own
def test_a_grader_closed_mid_batch_raises_rather_than_scoring_zero(bank: Bank) -> None:
    pool = Grader(workers=1)
    task = bank.tasks["tensor-argmax"]
    recording = Recording(pool)
    closing = threading.Timer(0.5, pool.close)  # the app quits while the exam is graded
    closing.start()
    try:
        with pytest.raises(CancelledError):
            grade_with(recording)([(task, "while True:\n    pass\n"), (task, PARTIAL_ARGMAX)])
    finally:
        closing.join()
        pool.close()
    assert recording.events[:2] == ["submit tensor-argmax", "submit tensor-argmax"]
    with pytest.raises(RuntimeError, match="closed"):  # and a closed grader takes nothing
        grade_with(pool)([(task, PARTIAL_ARGMAX)])

"""What the practice screens show: task status and best score from the history, due tasks
first, the page filter, the rule for the reference solution, and how numbers are written."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from question_bank import Bank, load_bank, parse_pages_arg
from quizapp.store import Submission
from quizapp.study import StudyService
from quizapp.study.practice_view import (
    can_reveal_solution,
    format_duration,
    format_score,
    format_when,
    task_status,
    task_summaries,
)
from tests.store.helpers import FakeClock
from tests.verdicts import verdict

from .conftest import MakeService


@pytest.fixture(scope="module")
def bundled() -> Bank:
    return load_bank()


@pytest.fixture
def practice(make_service: MakeService, bundled: Bank) -> StudyService:
    return make_service(bundled)


def submission(passed: bool, score: float = 0.0, number: int = 1) -> Submission:
    return Submission(
        id=number,
        task_id="t",
        code="",
        result=verdict("t", score),
        passed=passed,
        score=score,
        max_score=10,
        submitted_at=datetime(2026, 1, 1, tzinfo=UTC),
        duration_s=0.1,
    )


def test_status_is_new_failed_or_passed_from_the_history() -> None:
    assert task_status([]) == "new"
    assert task_status([submission(False), submission(False)]) == "failed"
    assert task_status([submission(True), submission(False)]) == "passed"  # newest first
    assert task_status([submission(False), submission(True)]) == "passed"


def submit(service: StudyService, task_id: str, passed: bool, score: float) -> None:
    assert passed == (score == 10)
    service.practice.submit(task_id, "code", verdict(task_id, score))


def test_every_task_is_listed_new_in_bank_order_before_any_practice(
    practice: StudyService, bundled: Bank
) -> None:
    rows = task_summaries(practice)
    assert [row.id for row in rows] == list(bundled.tasks)
    assert {(r.status, r.attempts, r.best_score, r.due) for r in rows} == {("new", 0, None, False)}


def test_status_best_score_and_attempts_follow_the_submissions(practice: StudyService) -> None:
    submit(practice, "cnn-fashion", False, 3)
    submit(practice, "cnn-fashion", False, 7)
    submit(practice, "cnn-fashion", True, 10)
    submit(practice, "tensor-argmax", False, 4)
    rows = {row.id: row for row in task_summaries(practice)}
    assert (rows["cnn-fashion"].status, rows["cnn-fashion"].best_score) == ("passed", 10)
    assert rows["cnn-fashion"].attempts == 3
    assert (rows["tensor-argmax"].status, rows["tensor-argmax"].best_score) == ("failed", 4)
    assert rows["dnn-binary"].status == "new"


def test_due_tasks_come_first_earliest_due_first_then_the_rest_in_bank_order(
    practice: StudyService, bundled: Bank, clock: FakeClock
) -> None:
    order = list(bundled.tasks)
    assert order.index("cnn-fashion") < order.index("tensor-argmax")
    submit(practice, "cnn-fashion", True, 10)  # Good on a new card: back in 10 minutes
    submit(practice, "tensor-argmax", False, 0)  # Again: back in a minute
    assert not any(row.due for row in task_summaries(practice))  # nothing due yet

    clock.advance(minutes=5)
    rows = task_summaries(practice)
    assert [row.id for row in rows][:1] == ["tensor-argmax"]
    assert [row.id for row in rows if row.due] == ["tensor-argmax"]

    clock.advance(minutes=10)
    rows = task_summaries(practice)
    assert [row.id for row in rows][:2] == ["tensor-argmax", "cnn-fashion"]
    rest = [t for t in order if t not in ("tensor-argmax", "cnn-fashion")]
    assert [row.id for row in rows][2:] == rest
    assert [row.due for row in rows] == [True, True] + [False] * len(rest)


def test_the_page_filter_keeps_only_tasks_on_those_pages(
    practice: StudyService, clock: FakeClock
) -> None:
    submit(practice, "tensor-argmax", False, 0)
    clock.advance(minutes=5)
    rows = task_summaries(practice, parse_pages_arg("105-106"))
    assert {row.id for row in rows} == {"cnn-output-size", "cnn-fashion"}
    assert not any(row.due for row in rows)  # the due task is on other pages
    tensors = task_summaries(practice, parse_pages_arg("17"))
    assert (tensors[0].id, tensors[0].due) == ("tensor-argmax", True)
    assert all(row.id.startswith("tensor-") for row in tensors) and len(tensors) > 1
    assert task_summaries(practice, parse_pages_arg("9999")) == []


def test_the_reference_solution_needs_a_submission_first() -> None:
    assert not can_reveal_solution([])
    assert can_reveal_solution([submission(False)])


def test_numbers_are_formatted_for_people() -> None:
    assert format_score(7, 10) == "7/10"
    assert format_score(2.5, 10.0) == "2.5/10"
    assert format_score(0, 2 / 3) == "0/0.67"
    assert format_duration(0.056) == "0.06 s"
    assert format_duration(12.34) == "12.3 s"
    assert format_duration(None) == "—"
    moment = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)
    assert format_when(moment) == moment.astimezone().strftime("%Y-%m-%d %H:%M")

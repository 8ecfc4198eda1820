"""Every task of the catalogue ships a reference that passes its hidden tests and a starter that fails."""

from __future__ import annotations

import pytest

from grader import Grader, GradeResult
from question_bank import Bank

from .catalogue import CATALOGUE


def _explain(result: GradeResult) -> str:
    failed = [f"{c.name}: {c.message_in('en')}" for c in result.checks if not c.passed]
    return f"error={result.error_in('en')!r}; failed checks: {failed}"


@pytest.fixture(scope="module")
def verdicts(bank: Bank, grader: Grader) -> dict[tuple[str, str], GradeResult]:
    """All solutions and starters, submitted at once so that both workers are busy."""
    handles = {
        (task_id, name): grader.submit(bank.tasks[task_id], bank.tasks[task_id].read(name))
        for task_id in CATALOGUE
        if task_id in bank.tasks
        for name in ("solution.py", "starter.py")
    }
    return {key: handle.result(timeout=300) for key, handle in handles.items()}


def test_the_bundled_bank_holds_every_task_of_the_catalogue(bank: Bank) -> None:
    assert sorted(set(CATALOGUE) - set(bank.tasks)) == []


@pytest.mark.parametrize("task_id", CATALOGUE)
def test_the_reference_solution_passes(
    verdicts: dict[tuple[str, str], GradeResult], task_id: str
) -> None:
    result = verdicts[(task_id, "solution.py")]
    assert result.passed, _explain(result)
    assert result.score == result.max_score
    assert result.error is None
    assert len(result.checks) >= 4


@pytest.mark.parametrize("task_id", CATALOGUE)
def test_the_starter_fails(verdicts: dict[tuple[str, str], GradeResult], task_id: str) -> None:
    result = verdicts[(task_id, "starter.py")]
    assert not result.passed
    assert result.score < result.max_score
    assert any(not check.passed and check.message for check in result.checks)


@pytest.mark.parametrize("task_id", CATALOGUE)
def test_check_points_add_up_to_the_task_points(
    verdicts: dict[tuple[str, str], GradeResult], bank: Bank, task_id: str
) -> None:
    result = verdicts[(task_id, "solution.py")]
    assert result.max_score == bank.tasks[task_id].points
    assert sum(c.max_points for c in result.checks) == pytest.approx(result.max_score, abs=0.01)
    assert sum(c.points for c in result.checks) == pytest.approx(result.score, abs=0.01)


@pytest.mark.parametrize("task_id", CATALOGUE)
def test_every_word_of_the_hidden_tests_has_its_korean(
    verdicts: dict[tuple[str, str], GradeResult], bank: Bank, grader: Grader, task_id: str
) -> None:
    """Check names, labels and ``fail`` messages are written with ``tr(en, ko)``."""
    assert verdicts  # the references are computed (and remembered) by now
    assert grader.reference(bank.tasks[task_id], timeout=300).untranslated() == []

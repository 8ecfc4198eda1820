"""Training tasks in the mock exam: the training section draws them (and only it does), and
an attempt's tasks — training included — are graded together on the real grader, with the
attempt's time ending when it was handed in, however long grading takes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from grader import Grader
from grader.verdict.result import GradeResult
from question_bank import Bank, Task, TrainingTask, load_bank
from quizapp.exam import ExamRunner, draw_questions
from quizapp.exam.grading import grade_with
from quizapp.exam.view import kinds_line, summary_markdown
from quizapp.store import Store, open_url
from quizapp.study import StudyDay, StudyScheduler, StudyService

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
MOCK = "ai-essential-mock"


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


def training_section(bank: Bank) -> int:
    [index] = [
        i
        for i, s in enumerate(bank.exams[MOCK].sections)
        if s.practical and all(isinstance(t, TrainingTask) for t in bank.task_pool(s))
    ]
    return index


def test_the_training_section_draws_every_training_task_and_no_other_section_does(
    bank: Bank,
) -> None:
    section = training_section(bank)
    drawn: dict[int, set[str]] = {}
    for seed in range(60):
        for q in draw_questions(bank.exams[MOCK], bank, seed):
            if q.kind == "task":
                drawn.setdefault(q.section, set()).add(q.item_id)
    training = {t.id for t in bank.tasks.values() if isinstance(t, TrainingTask)}
    assert drawn[section] == training
    others = set().union(*(ids for s, ids in drawn.items() if s != section))
    assert not others & training


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_url(f"sqlite:///{tmp_path / 'progress.db'}", "kim", clock=Clock()) as opened:
        yield opened


def test_grading_runs_training_with_the_other_tasks_and_does_not_extend_the_clock(
    bank: Bank, store: Store
) -> None:
    clock = Clock()
    service = StudyService(
        store, bank, scheduler=StudyScheduler(fuzz=False), day=StudyDay(zone=UTC), clock=clock
    )
    runner = ExamRunner(service, bank)
    seed = next(
        seed
        for seed in range(100)
        if "train-cancer-binary"
        in {q.item_id for q in draw_questions(bank.exams[MOCK], bank, seed)}
    )
    attempt = runner.start_or_resume(MOCK, seed=seed)
    tasks = [q for q in attempt.questions if q.kind == "task"]
    for q in tasks:
        runner.answer(attempt, q.index, bank.tasks[q.item_id].read("solution.py"))
    clock.now = START + timedelta(minutes=30)
    handed_in = clock.now
    submitted: list[str] = []

    with Grader(workers=2) as grader:
        graded = grade_with(grader)

        def slow_grading(pairs: Sequence[tuple[Task, str]]) -> list[GradeResult]:
            submitted.extend(task.id for task, _ in pairs)
            verdicts = graded(pairs)
            clock.now += timedelta(minutes=5)  # grading took a while
            return verdicts

        results = runner.finish(attempt, slow_grading)
    assert sorted(submitted) == sorted(q.item_id for q in tasks)  # one batch, all of them
    closed = runner.reload(attempt)
    assert closed.finished_at == closed.submitted_at == handed_in
    [training] = [q for q in closed.questions if q.item_id == "train-cancer-binary"]
    points = bank.exams[MOCK].sections[training_section(bank)].points_each
    assert training.score == points and training.correct
    assert results.score == sum(q.score or 0 for q in closed.questions)
    # the results show the practical part per kind, the training task with its metric
    assert [k.kind for k in results.kinds] == ["tensor", "batch", "model", "training"]
    [trained] = [k for k in results.kinds if k.kind == "training"]
    assert (trained.score, trained.max_score, trained.metric_name) == (points, points, "accuracy")
    assert trained.metric is not None and trained.metric >= 0.95
    line = kinds_line(results, "ko")
    assert line.startswith("텐서 ") and " · 배치 " in line
    assert f"학습 문제 {points:g}/{points:g} (정확도 {trained.metric:.4f}, 목표 0.95)" in line
    assert "Practical part by kind" in summary_markdown(results, "en")
    # shown again later (no verdicts at hand): the metric comes from the recorded submission
    again = runner.results(closed)
    assert [k.metric for k in again.kinds] == [k.metric for k in results.kinds]
    [stored] = store.practice.history("train-cancer-binary")
    assert stored.result.training is not None and stored.result.training.metric >= 0.95
    assert [r.profile for r in store.leaderboard("train-cancer-binary")] == ["kim"]

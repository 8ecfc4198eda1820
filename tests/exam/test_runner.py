"""Mock exams without a screen: drawing, the clock, answers, scoring, results, scheduling."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from grader.verdict.result import GradeResult
from question_bank import Bank, Task, load_bank
from quizapp.exam import (
    ExamRunner,
    Grade,
    GradingIncomplete,
    Proctor,
    Sit,
    draw_questions,
    shuffled_choices,
)
from quizapp.exam.grading import grade_with
from quizapp.store import Store, StoreError, open_url
from quizapp.study import StudyDay, StudyScheduler, StudyService
from tests.verdicts import grader_failure, verdict

PILOT_ITEMS = Path(__file__).parents[1] / "tui" / "data" / "bank" / "items" / "pilot.yaml"

MINI = """
id: mini
title: 미니 모의고사
minutes: 30
pass_percent: 60
sections:
  - title: 필기
    kind: written
    count: 6
    points_each: 2
  - title: 실기
    kind: practical
    tasks: [t-one, t-two]
    points_each: 10
"""

DRILL = """
id: drill
title: 드릴
minutes: 5
sections:
  - title: 필기
    kind: written
    count: 3
    points_each: 1
"""


START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def write_task(root: Path, task_id: str) -> None:
    folder = root / "tasks" / task_id
    folder.mkdir(parents=True)
    (folder / "task.yaml").write_text(
        f"id: {task_id}\ntitle: 과제 {task_id}\npages: [105]\nprompt: 작성하세요.\n",
        encoding="utf-8",
    )
    for name in ("starter.py", "solution.py", "hidden_tests.py"):
        (folder / name).write_text("x = 1\n", encoding="utf-8")


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    root = tmp_path / "bank"
    (root / "items").mkdir(parents=True)
    shutil.copy(PILOT_ITEMS, root / "items" / "pilot.yaml")
    (root / "exams").mkdir()
    (root / "exams" / "mini.yaml").write_text(MINI, encoding="utf-8")
    (root / "exams" / "drill.yaml").write_text(DRILL, encoding="utf-8")
    write_task(root, "t-one")
    write_task(root, "t-two")
    return load_bank([root], bundled=False)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    with open_url(f"sqlite:///{tmp_path / 'progress.db'}", "kim", clock=clock) as opened:
        yield opened


@pytest.fixture
def runner(store: Store, bank: Bank, clock: Clock) -> ExamRunner:
    service = StudyService(
        store, bank, scheduler=StudyScheduler(fuzz=False), day=StudyDay(zone=UTC), clock=clock
    )
    return ExamRunner(service, bank)


class FakeGrader:
    """Grades each task by a fixed fraction (None: the grader fails on it); records the
    batches and the code it was given."""

    def __init__(self, fractions: dict[str, float | None]) -> None:
        self.fractions = fractions
        self.batches: list[list[str]] = []
        self.sources: list[str] = []

    def __call__(self, pairs: Sequence[tuple[Task, str]]) -> list[GradeResult]:
        self.batches.append([task.id for task, _ in pairs])
        self.sources += [code for _, code in pairs]
        return [self.verdict(task.id) for task, _ in pairs]

    def verdict(self, task_id: str) -> GradeResult:
        fraction = self.fractions[task_id]
        if fraction is None:
            return grader_failure(task_id)
        return verdict(task_id, 10 * fraction, duration_s=0.1)


RIGHT = {
    "pilot-single": "CrossEntropyLoss",
    "pilot-multiple": ["Sigmoid", "ReLU"],
    "pilot-tf": True,
    "pilot-short": " ARGMAX ",
    "pilot-numeric": "26",
    "pilot-cloze": ["stack", "cat"],
}
WRONG = {
    "pilot-single": "MSELoss",
    "pilot-multiple": ["ReLU"],
    "pilot-tf": False,
    "pilot-short": "argmin",
    "pilot-numeric": "25",
    "pilot-cloze": ["stack", "concat"],
}


def test_drawing_is_reproducible_from_the_seed(bank: Bank) -> None:
    blueprint = bank.exams["drill"]
    first = draw_questions(blueprint, bank, seed=42)
    assert first == draw_questions(blueprint, bank, seed=42)
    assert len(first) == 3 and len({q.item_id for q in first}) == 3
    others = {tuple(q.item_id for q in draw_questions(blueprint, bank, seed=s)) for s in range(20)}
    assert len(others) > 1  # the seed matters
    assert shuffled_choices(["a", "b", "c", "d"], 7, "x") == shuffled_choices(
        ["a", "b", "c", "d"], 7, "x"
    )


def test_drawing_avoids_recently_seen_items_where_the_pool_allows(bank: Bank) -> None:
    blueprint = bank.exams["drill"]
    first = {q.item_id for q in draw_questions(blueprint, bank, seed=1)}
    second = {q.item_id for q in draw_questions(blueprint, bank, seed=2, recent=first)}
    assert not first & second  # 6 written items: 3 fresh ones exist
    both = first | second
    third = {q.item_id for q in draw_questions(blueprint, bank, seed=3, recent=both)}
    assert len(third) == 3  # nothing fresh left: seen ones are drawn again


def test_practical_sections_take_their_listed_tasks(bank: Bank) -> None:
    drawn = draw_questions(bank.exams["mini"], bank, seed=5)
    assert [q.item_id for q in drawn if q.kind == "task"] == ["t-one", "t-two"]
    assert [q.section for q in drawn] == [0] * 6 + [1, 1]


def test_scoring_of_every_item_type_and_partial_task_scores(
    runner: ExamRunner, clock: Clock
) -> None:
    attempt = runner.start_or_resume("mini", seed=9)
    for question in attempt.questions:
        if question.kind == "task":
            runner.answer(attempt, question.index, f"# code for {question.item_id}")
        elif question.item_id in ("pilot-single", "pilot-tf", "pilot-cloze"):
            runner.answer(attempt, question.index, RIGHT[question.item_id])
        else:
            runner.answer(attempt, question.index, WRONG[question.item_id])
    clock.now += timedelta(minutes=12)
    grader = FakeGrader({"t-one": 1.0, "t-two": 0.35})
    results = runner.finish(attempt, grader)
    assert grader.batches == [["t-one", "t-two"]]  # one batch: graded in parallel
    written, practical = results.sections
    assert (written.score, written.max_score) == (6.0, 12.0)  # 3 right × 2 points
    assert (practical.score, practical.max_score) == (13.5, 20.0)  # 10 + 3.5, scaled to 10 each
    assert results.attempt.score == 19.5
    assert results.attempt.score_percent == pytest.approx(60.94, abs=0.01)
    assert results.attempt.passed is True
    assert results.time_used == timedelta(minutes=12)
    assert grader.sources == ["# code for t-one", "# code for t-two"]
    assert results.graded[6].task == "t-one" and results.graded[7].score == 3.5


def test_every_right_and_every_wrong_answer_is_scored(runner: ExamRunner) -> None:
    for answers, expected in ((RIGHT, 12.0), (WRONG, 0.0)):
        attempt = runner.start_or_resume("mini", seed=11)
        for question in attempt.questions:
            if question.kind == "written":
                runner.answer(attempt, question.index, answers[question.item_id])
        attempt = runner.reload(attempt)
        assert sum(q.score or 0 for q in attempt.questions) == expected
        assert (
            runner.finish(attempt, FakeGrader({"t-one": 0.0, "t-two": 0.0})).attempt.passed is False
        )


def test_resume_returns_the_running_attempt_with_its_answers_and_true_time(
    runner: ExamRunner, clock: Clock
) -> None:
    attempt = runner.start_or_resume("mini", seed=3)
    runner.answer(attempt, 0, RIGHT[attempt.questions[0].item_id])
    runner.flag(attempt, 1, True)
    clock.now += timedelta(minutes=17)
    resumed = runner.start_or_resume("mini")
    assert resumed.id == attempt.id
    assert resumed.questions[0].answer is not None and resumed.questions[1].flagged
    assert runner.remaining(resumed) == timedelta(minutes=13)
    assert runner.unanswered(resumed) == list(range(1, 8))


def test_time_running_out_while_closed_submits_at_the_next_start(
    runner: ExamRunner, clock: Clock
) -> None:
    attempt = runner.start_or_resume("drill", seed=4)
    runner.answer(attempt, 0, RIGHT[attempt.questions[0].item_id])
    clock.now += timedelta(minutes=9)  # the drill has 5 minutes; the app was closed
    assert [a.id for a in runner.pending()] == [attempt.id]
    settled = Proctor(runner, lambda: NO_GRADER).settle(runner.pending())
    (results,) = settled.results
    assert results.attempt.id == attempt.id and results.attempt.finished
    assert results.attempt.score == 1.0
    assert results.attempt.finished_at == attempt.started_at + timedelta(minutes=5)
    assert results.attempt.submitted_at == results.attempt.finished_at
    assert results.time_used == timedelta(minutes=5)
    assert runner.pending() == []
    assert runner.start_or_resume("drill").id != attempt.id  # a new attempt now


def test_answers_feed_the_scheduler_and_the_mistakes_list(runner: ExamRunner, store: Store) -> None:
    attempt = runner.start_or_resume("mini", seed=21)
    written = [q for q in attempt.questions if q.kind == "written"]
    runner.answer(attempt, written[0].index, RIGHT[written[0].item_id])
    runner.answer(attempt, written[1].index, WRONG[written[1].item_id])
    for task in (q for q in attempt.questions if q.kind == "task"):
        runner.answer(attempt, task.index, "def solve():\n    return 1\n")
    # the other four are left unanswered: zero points, but not mistakes and not reviews
    runner.finish(attempt, FakeGrader({"t-one": 1.0, "t-two": 0.0}))
    mistakes = {c.item_id for c in runner.service.mistakes()}
    assert written[0].item_id not in mistakes
    assert written[1].item_id in mistakes
    assert not {q.item_id for q in written[2:]} & mistakes
    assert "t-two" in mistakes and "t-one" not in mistakes
    assert len(store.practice.history("t-one")) == 1
    assert store.reviews.count() == 4


def test_an_abandoned_attempt_puts_nothing_in_the_mistakes_list(
    runner: ExamRunner, store: Store, clock: Clock
) -> None:
    attempt = runner.start_or_resume("mini", seed=21)
    assert runner.unanswered(attempt) == list(range(len(attempt.questions)))
    clock.now += timedelta(hours=2)  # started by accident, left: the time ran out
    settled = Proctor(runner, lambda: FakeGrader({"t-one": 0.0, "t-two": 0.0})).settle(
        runner.pending()
    )
    assert settled.results and settled.results[0].attempt.score == 0.0
    assert runner.service.mistakes() == [] and store.reviews.count() == 0
    assert store.practice.history("t-one") == []


def test_results_show_where_to_study_next(runner: ExamRunner) -> None:
    attempt = runner.start_or_resume("mini", seed=8)
    results = runner.finish(attempt, FakeGrader({"t-one": 0.5, "t-two": 0.5}))
    # the pilot items have no pages; the tasks are on p.105, which no syllabus here lists
    assert results.entries == []
    assert [s.title for s in results.sections] == ["필기", "실기"]


class NoGrader:
    """A grader nothing may be sent to (the drill has no task)."""

    def submit(self, task: object, source: str) -> object:
        raise AssertionError("nothing to grade")


NO_GRADER = NoGrader()


class Submitted:
    """The real grader's way in (``submit`` → handle), answering with the fake verdicts."""

    def __init__(self, fake: FakeGrader) -> None:
        self.fake = fake

    def submit(self, task: Task, source: str) -> object:
        [result] = self.fake([(task, source)])
        return Done(result)


class Done:
    def __init__(self, result: GradeResult) -> None:
        self._result = result

    def result(self, timeout: float | None = None) -> GradeResult:
        return self._result

    def cancel(self) -> bool:
        return False


def test_an_attempt_left_while_grading_is_graded_and_closed_at_the_next_start(
    tmp_path: Path, bank: Bank, clock: Clock
) -> None:
    """Submitted, then the app killed before grading ended: what it leaves in the store is
    the attempt handed in and not finished. Started again (a new store on the same file),
    it is graded and closed — not reopened for answers, though its time is not up."""
    url = f"sqlite:///{tmp_path / 'left.db'}"

    def service(store: Store) -> StudyService:
        scheduler = StudyScheduler(fuzz=False)
        return StudyService(store, bank, scheduler=scheduler, day=StudyDay(zone=UTC), clock=clock)

    with open_url(url, "kim", clock=clock) as store:
        runner = ExamRunner(service(store), bank)
        attempt = runner.start_or_resume("mini", seed=9)
        runner.answer(attempt, 6, "# my code")
        clock.now += timedelta(minutes=3)
        store.exams.submit(attempt.id, at=clock())  # handed in; grading never ended
    clock.now += timedelta(minutes=1)
    grader = FakeGrader({"t-one": 1.0, "t-two": 0.0})
    with open_url(url, "kim", clock=clock) as store:
        runner = ExamRunner(service(store), bank)
        proctor = Proctor(runner, lambda: Submitted(grader))
        [waiting] = runner.pending()
        assert waiting.id == attempt.id and not runner.expired(waiting)
        assert isinstance(proctor.open("mini"), Grade)  # never reopened for answers
        with pytest.raises(StoreError, match="submitted"):
            runner.answer(waiting, 0, RIGHT[waiting.questions[0].item_id])
        (results,) = proctor.settle(runner.pending()).results
        assert grader.sources == ["# my code"]  # t-two had no code: not sent
        assert results.attempt.finished and results.attempt.score == 10.0
        assert results.attempt.finished_at == START + timedelta(minutes=3)
        assert results.graded[7].error_in("ko") == "이 문제에 작성한 코드가 없습니다"
        assert runner.pending() == []
        assert isinstance(proctor.open("mini"), Sit)  # a new attempt now
        assert len(store.practice.history("t-one")) == 1


def test_a_grader_failure_leaves_the_task_ungraded_to_grade_again(
    runner: ExamRunner, store: Store
) -> None:
    attempt = runner.start_or_resume("mini", seed=9)
    for question in attempt.questions:
        if question.kind == "task":
            runner.answer(attempt, question.index, f"# code for {question.item_id}")
    with pytest.raises(GradingIncomplete) as failed:
        runner.finish(attempt, FakeGrader({"t-one": 1.0, "t-two": None}))
    assert list(failed.value.failed) == [7]  # t-two, question 8
    left = runner.reload(attempt)
    assert left.submitted and not left.finished  # not zero points: not scored at all
    assert [q.score for q in left.questions if q.kind == "task"] == [None, None]
    assert store.practice.history("t-one") == store.practice.history("t-two") == []
    assert store.reviews.count() == 0 and runner.service.mistakes() == []
    assert [a.id for a in runner.pending()] == [attempt.id]  # also at the next start

    results = runner.finish(left, FakeGrader({"t-one": 1.0, "t-two": 0.5}))  # r: grade again
    assert results.attempt.finished
    assert [q.score for q in results.attempt.questions if q.kind == "task"] == [10.0, 5.0]
    assert len(store.practice.history("t-two")) == 1


def test_the_grade_function_sends_no_empty_code(bank: Bank) -> None:
    fake = FakeGrader({"t-one": 0.5, "t-two": 1.0})
    tasks = [bank.tasks["t-one"], bank.tasks["t-two"]]
    verdicts = grade_with(Submitted(fake))(list(zip(tasks, ["  \n", "x = 1"], strict=True)))
    assert fake.sources == ["x = 1"]
    assert verdicts[0] == GradeResult.no_code("t-one", float(tasks[0].points))
    assert verdicts[1].passed

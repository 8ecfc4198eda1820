"""The readiness model and tonight's planner over the sample bank with a mock blueprint."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from grader.verdict.result import Diagnosis
from question_bank import Bank, load_bank
from quizapp.store import Schedule
from quizapp.study import Rating, StudyScheduler, StudyService
from quizapp.study.exam_plan import PlanUnavailable, exam_plan, plan_json
from quizapp.study.planner import Activity, PlanInput, Planner, Timing
from quizapp.study.readiness import (
    UNTRIED_SHARE,
    ExamModel,
    MemoryState,
    TaskRecord,
    choose_blueprint,
    guess_chance,
    percentile,
    task_records,
)
from tests.store.helpers import START, FakeClock, write_sample_bank
from tests.study.conftest import MakeService
from tests.study.studying import study
from tests.verdicts import verdict

MOCK = """
    id: mock
    title: 모의
    minutes: 60
    sections:
      - title: 필기
        kind: written
        scope: exam
        count: 4
        points_each: 5
      - title: 실기
        kind: practical
        tasks: [tk]
        points_each: 30
"""
DRILL = """
    id: drill
    title: 드릴
    minutes: 10
    sections:
      - title: 필기
        kind: written
        count: 2
        points_each: 1
"""
WRITTEN = ("cz", "loss-sa", "mc", "num", "sa", "sc", "tf")


@pytest.fixture
def exam_bank(tmp_path: Path) -> Bank:
    folder = write_sample_bank(
        tmp_path / "exam-bank", {"exams/mock.yaml": MOCK, "exams/drill.yaml": DRILL}
    )
    return load_bank([folder], bundled=False)


@pytest.fixture
def exam_service(make_service: MakeService, exam_bank: Bank) -> StudyService:
    return make_service(exam_bank)


def model_of(service: StudyService) -> ExamModel:
    blueprint = choose_blueprint(service.catalogue.bank.exams)
    assert blueprint is not None
    return ExamModel(service.catalogue, blueprint, StudyScheduler(fuzz=False))


def nothing() -> MemoryState:
    return MemoryState({}, {})


def test_the_mock_is_the_blueprint_with_the_most_points(exam_bank: Bank) -> None:
    chosen = choose_blueprint(exam_bank.exams)
    assert chosen is not None and chosen.id == "mock"
    assert choose_blueprint({}) is None


def test_guessing_chances_by_type(exam_bank: Bank) -> None:
    items = exam_bank.items
    assert guess_chance(items["sc"]) == pytest.approx(1 / 3)
    assert guess_chance(items["tf"]) == 0.5
    assert guess_chance(items["mc"]) == pytest.approx(1 / 7)  # one of 2^3 - 1 subsets
    assert guess_chance(items["sa"]) == 0.0
    assert guess_chance(items["num"]) == 0.0


def test_each_item_weighs_its_share_of_the_section(exam_service: StudyService) -> None:
    model = model_of(exam_service)
    assert set(model.guess) == set(WRITTEN)  # flashcards are not on the exam
    for item_id in WRITTEN:
        assert model.weight[item_id] == pytest.approx(4 / 7 * 5)
    assert model.weight["tk"] == 30
    assert model.max_points == 50


def test_a_fresh_student_is_predicted_guesses_and_untried_tasks(
    exam_service: StudyService,
) -> None:
    model = model_of(exam_service)
    exam_at = START + timedelta(days=10)
    found = model.predict(nothing(), exam_at, samples=2000)
    guesses = sum(guess_chance(exam_service.catalogue.bank.items[i]) for i in WRITTEN)
    assert found.total == pytest.approx(4 / 7 * 5 * guesses + 30 * UNTRIED_SHARE)
    assert found.low <= found.total <= found.high
    assert found.low < found.high  # the draw and the answers vary
    assert sum(e for e, _ in found.by_kind.values()) == pytest.approx(found.total)
    written = found.by_kind["필기"][0]
    assert sum(e for e, _ in found.by_entry.values()) == pytest.approx(written)
    assert sum(m for _, m in found.by_entry.values()) == pytest.approx(20)


def test_sampled_sittings_average_to_the_prediction(exam_service: StudyService) -> None:
    study(exam_service, "sa")
    study(exam_service, "sc", right=False)
    assert exam_service.practice.submit("tk", "x", verdict("tk", 6)) is not None
    state = MemoryState(
        {c: p.schedule for c, p in exam_service.store.reviews.cards().items()},
        task_records(exam_service.store.practice.history()),
    )
    model = model_of(exam_service)
    found = model.predict(state, START + timedelta(days=3), samples=0)
    totals = model.sample_totals(found.chance, 20_000, seed=3)
    assert sum(totals) / len(totals) == pytest.approx(found.total, rel=0.02)
    # an untried task is its partial credit every time, not all-or-nothing
    fresh = model.sample_totals(model.predict(nothing(), START, samples=0).chance, 500, seed=1)
    assert all(t >= 30 * UNTRIED_SHARE for t in fresh)


def test_recall_on_the_exam_day_falls_with_the_days_to_it(exam_service: StudyService) -> None:
    study(exam_service, "sa")
    schedule = exam_service.store.reviews.cards()["sa"].schedule
    model = model_of(exam_service)
    state = MemoryState({"sa": schedule}, {})
    near = model.predict(state, START + timedelta(days=2), samples=0).chance["sa"]
    far = model.predict(state, START + timedelta(days=30), samples=0).chance["sa"]
    assert 0 < far < near < 1
    assert model.predict(nothing(), START, samples=0).chance["sa"] == 0.0


def test_task_history_sets_the_practical_share(exam_service: StudyService) -> None:
    model = model_of(exam_service)
    assert model.task_share(None, 0.0) == UNTRIED_SHARE
    passed = TaskRecord(1.0, False)
    assert model.task_share(passed, 1.0) == 1.0
    assert model.task_share(passed, 0.0) == 0.5  # half of what was once solved is kept
    reopened = TaskRecord(1.0, True)
    assert model.task_share(reopened, 1.0) < model.task_share(passed, 1.0)
    assert model.task_share(TaskRecord(0.1, False), 1.0) == UNTRIED_SHARE


def test_task_records_from_submissions(exam_service: StudyService) -> None:
    practice = exam_service.practice
    assert practice.submit("tk", "x", verdict("tk", 10)) is not None
    record = TaskRecord.of(practice.history("tk"))
    assert record == TaskRecord(1.0, False)
    exam_service.clock.advance(minutes=5)  # type: ignore[attr-defined]
    assert practice.submit("tk", "y", verdict("tk", 3)) is not None
    assert TaskRecord.of(practice.history("tk")) == TaskRecord(1.0, True)
    assert TaskRecord.of([]) is None


def test_a_diagnosed_mistake_stays_open_until_a_pass(exam_service: StudyService) -> None:
    practice = exam_service.practice
    diagnosed = verdict("tk", 4).model_copy(
        update={"diagnoses": [Diagnosis(id="no-softmax", message={"en": "x", "ko": "x"})]}
    )
    assert practice.submit("tk", "x", diagnosed) is not None
    assert TaskRecord.of(practice.history("tk")) == TaskRecord(0.4, True)
    exam_service.clock.advance(minutes=5)  # type: ignore[attr-defined]
    assert practice.submit("tk", "y", verdict("tk", 10)) is not None
    assert TaskRecord.of(practice.history("tk")) == TaskRecord(1.0, False)


def test_the_plan_fits_the_minutes_best_gain_per_minute_first(
    exam_service: StudyService,
) -> None:
    model = model_of(exam_service)
    planner = Planner(model)
    exam_at = START + timedelta(days=7)
    plan = planner.plan(PlanInput(nothing()), START, exam_at, 10, days_left=7)
    assert plan and sum(a.minutes for a in plan) <= 10 + 1e-9
    rates = [a.rate for a in plan]
    assert rates == sorted(rates, reverse=True)
    assert {a.kind for a in plan} == {"new"}  # a task takes 15 minutes: it does not fit
    # an item that can be guessed gains less from learning it than one typed from memory
    gains = {a.id: a.gain for a in planner.candidates(PlanInput(nothing()), START, exam_at)}
    assert gains["sa"] > gains["sc"] > gains["tf"]
    assert "sa" in {a.id for a in plan} and "tf" not in {a.id for a in plan}
    roomy = planner.plan(PlanInput(nothing()), START, exam_at, 60, days_left=7)
    assert {a.id for a in roomy} == {*WRITTEN, "tk"}
    assert all(a.gain > 0 for a in roomy)


def test_reviews_and_relearning_after_study(exam_service: StudyService, clock: FakeClock) -> None:
    study(exam_service, "sa")
    study(exam_service, "sc", right=False)
    clock.advance(days=3)
    service = exam_service
    service.set_exam_date(date(2026, 3, 12))
    found = exam_plan(service, 60)
    kinds = {a.id: a.kind for a in found.plan}
    assert kinds["sc"] == "relearn"
    assert kinds["sa"] == "review"
    assert kinds["num"] == "new"
    assert found.predicted_after > found.predicted.total
    assert found.predicted_after == pytest.approx(
        found.predicted.total + sum(a.gain for a in found.plan)
    )


def test_reviewing_a_card_raises_its_recall_on_the_exam_day(exam_service: StudyService) -> None:
    scheduler = StudyScheduler(fuzz=False)
    learned = scheduler.review(None, Rating.Good, START)
    learned = scheduler.review(learned, Rating.Good, START + timedelta(minutes=10))
    model = model_of(exam_service)
    later = START + timedelta(days=4)
    state = MemoryState({"sa": learned}, {})
    review = next(
        a
        for a in Planner(model).candidates(PlanInput(state), later, later + timedelta(days=5))
        if a.id == "sa"
    )
    assert review.kind == "review" and review.gain > 0


def test_a_mock_exam_is_planned_in_the_last_week_when_time_allows(
    exam_service: StudyService,
) -> None:
    planner = Planner(model_of(exam_service))
    exam_at = START + timedelta(days=3)
    plan = planner.plan(PlanInput(nothing()), START, exam_at, 240, days_left=3)
    assert "exam" in {a.kind for a in plan}
    far = planner.plan(PlanInput(nothing()), START, START + timedelta(days=20), 240, 20)
    assert "exam" not in {a.kind for a in far}
    recent = PlanInput(nothing(), last_mock=START - timedelta(days=1))
    assert "exam" not in {a.kind for a in planner.plan(recent, START, exam_at, 240, 3)}


def test_minutes_per_card_come_from_the_log() -> None:
    assert Timing.from_log([]).view("written") == pytest.approx(40 / 60)
    logged = [("written", 20_000)] * 9 + [("written", 30_000)] * 3
    assert Timing.from_log(logged).view("written") == pytest.approx(20 / 60)
    assert Timing.from_log(logged[:5]).view("written") == pytest.approx(40 / 60)
    left_open = [("flashcard", 3_600_000)] * 20
    assert Timing.from_log(left_open).view("flashcard") == pytest.approx(5)
    timing = Timing.from_log([])
    assert timing.review("written", 0.0) == pytest.approx(2 * timing.review("written", 1.0))


def test_percentiles() -> None:
    assert percentile([], 10) == 0.0
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert percentile([0.0, 10.0], 10) == pytest.approx(1.0)


def test_no_plan_without_an_exam_date_after_it_or_without_a_blueprint(
    exam_service: StudyService, make_service: MakeService, bank: Bank
) -> None:
    with pytest.raises(PlanUnavailable) as missing:
        exam_plan(exam_service)
    assert missing.value.reason == "no_exam_date"
    exam_service.set_exam_date(date(2026, 3, 1))  # the day before START
    with pytest.raises(PlanUnavailable) as passed:
        exam_plan(exam_service)
    assert passed.value.reason == "exam_passed"
    plain = make_service(bank)  # the sample bank has no blueprint
    plain.set_exam_date(date(2026, 3, 20))
    with pytest.raises(PlanUnavailable) as nothing_to_plan:
        exam_plan(plain)
    assert nothing_to_plan.value.reason == "no_blueprint"


def test_on_the_exam_day_the_plan_is_for_the_morning(exam_service: StudyService) -> None:
    exam_service.set_exam_date(date(2026, 3, 2))  # START is 09:00 UTC on that study day
    found = plan_json(exam_plan(exam_service))
    assert found["days_left"] == 0
    assert found["plan"]


def test_schedule_round_trip_is_what_the_model_reads(exam_service: StudyService) -> None:
    study(exam_service, "num")
    stored = exam_service.store.reviews.cards()["num"].schedule
    assert isinstance(stored, Schedule)
    model = model_of(exam_service)
    assert model.recall(stored, START) == pytest.approx(1.0)
    assert isinstance(Activity("new", "x", 1.0, 0.5).rate, float)

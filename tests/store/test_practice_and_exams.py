"""Task submissions, drafts and mock-exam attempts in the store (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from quizapp.store import ReviewRequest, Schedule, Store, StoreError, open_url
from tests.store.helpers import START, FakeClock
from tests.verdicts import verdict

RESULT = verdict("tk", 5, duration_s=2.5)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(db_url: str, clock: FakeClock) -> Iterator[Store]:
    with open_url(db_url, "kim", clock=clock) as opened:
        yield opened


def test_submissions_keep_code_verdict_score_and_time_newest_first(
    store: Store, clock: FakeClock
) -> None:
    first, _ = store.practice.submit("tk", "def f():\n    pass\n", RESULT)
    clock.advance(minutes=3)
    second, _ = store.practice.submit("tk", "def f():\n    return 1\n", verdict("tk", 10))
    store.practice.submit("other", "x = 1", verdict("other", 1, 1))
    history = store.practice.history("tk")
    assert [s.id for s in history] == [second.id, first.id]
    assert history[1].code == "def f():\n    pass\n"
    assert history[1].result == RESULT  # JSON round trip, Korean text included
    assert history[1].result.checks[0].message_in("ko") == "1이어야 하는데 2입니다"
    assert history[0].result == verdict("tk", 10)  # an empty message stays empty
    assert (history[1].passed, history[1].score, history[1].max_score) == (False, 5.0, 10.0)
    assert history[1].submitted_at == START and history[1].duration_s == 2.5
    assert history[0].submitted_at == START + timedelta(minutes=3)
    assert len(store.practice.history()) == 3


def test_a_submission_and_its_review_commit_together(store: Store) -> None:
    request = ReviewRequest("tk", "task", 3, START, correct=True)
    after = Schedule(1, 1, 2.3, 2.1, START + timedelta(minutes=10), START)
    submission, applied = store.practice.submit(
        "tk", "code", verdict("tk", 10), review=(request, lambda _: after)
    )
    assert applied is not None and applied.after == after
    assert store.reviews.card("tk") is not None
    assert store.reviews.entries("tk")[0].kind == "task"

    def failing(_: Schedule | None) -> Schedule:
        raise RuntimeError("scheduler broke")

    with pytest.raises(RuntimeError):
        store.practice.submit("tk", "code 2", RESULT, review=(request, failing))
    assert [s.id for s in store.practice.history("tk")] == [submission.id]  # rolled back with it


def test_drafts_are_saved_replaced_and_discarded(store: Store, clock: FakeClock) -> None:
    assert store.practice.draft("tk") is None
    store.practice.save_draft("tk", "a = 1")
    clock.advance(seconds=30)
    store.practice.save_draft("tk", "a = 2  # 한글 주석")
    draft = store.practice.draft("tk")
    assert draft is not None
    assert (draft.code, draft.updated_at) == ("a = 2  # 한글 주석", START + timedelta(seconds=30))
    assert store.practice.discard_draft("tk") is True
    assert store.practice.draft("tk") is None
    assert store.practice.discard_draft("tk") is False


def test_an_exam_attempt_records_questions_answers_flags_and_result(
    store: Store, clock: FakeClock
) -> None:
    attempt = store.exams.start(
        "mock", 42, 90, [("sc", "written"), ("sa", "written"), ("tk", "practical")]
    )
    assert [(q.index, q.item_id, q.kind) for q in attempt.questions] == [
        (0, "sc", "written"),
        (1, "sa", "written"),
        (2, "tk", "practical"),
    ]
    clock.advance(minutes=5)
    store.exams.answer(attempt.id, 0, "나", correct=True, score=2)
    store.exams.flag(attempt.id, 1)
    store.exams.answer(attempt.id, 2, "def f(): ...", correct=False, score=7.5)
    in_progress = store.exams.get(attempt.id)
    assert in_progress is not None and not in_progress.finished
    q0, q1, q2 = in_progress.questions
    assert (q0.answer, q0.correct, q0.score, q0.answered_at) == (
        "나",
        True,
        2.0,
        START + timedelta(minutes=5),
    )
    assert (q1.answer, q1.flagged) == (None, True)
    assert q2.score == 7.5
    clock.advance(minutes=40)
    done = store.exams.finish(attempt.id, score=9.5, max_score=24, passed=False)
    assert done.finished_at == START + timedelta(minutes=45)
    assert done.score_percent == pytest.approx(39.58)
    with pytest.raises(StoreError, match="already finished"):
        store.exams.answer(attempt.id, 1, "late")
    with pytest.raises(StoreError, match="no question 4"):
        store.exams.flag(attempt.id, 3)
    [summary] = store.exams.attempts()
    assert (summary.blueprint, summary.seed, summary.passed, summary.questions) == (
        "mock",
        42,
        False,
        (),
    )


def test_attempts_belong_to_their_profile(store: Store, db_url: str) -> None:
    attempt = store.exams.start("mock", 1, 90, [("sc", "written")])
    with open_url(db_url, "lee") as lee:
        assert lee.exams.get(attempt.id) is None
        assert lee.exams.attempts() == []
        with pytest.raises(StoreError):
            lee.exams.answer(attempt.id, 0, "x")


def test_a_submitted_attempt_takes_no_more_answers_but_its_grading(
    store: Store, clock: FakeClock
) -> None:
    attempt = store.exams.start("mock", 7, 90, [("sc", "written"), ("tk", "task")])
    store.exams.answer(attempt.id, 1, "def f(): ...")
    clock.advance(minutes=10)
    submitted = store.exams.submit(attempt.id)
    assert submitted.submitted and not submitted.finished
    assert submitted.submitted_at == START + timedelta(minutes=10)
    clock.advance(minutes=1)
    assert store.exams.submit(attempt.id).submitted_at == submitted.submitted_at  # the first
    with pytest.raises(StoreError, match="was submitted"):
        store.exams.answer(attempt.id, 0, "late")
    store.exams.grade(attempt.id, 1, correct=False, score=4.0)
    graded = store.exams.get(attempt.id)
    assert graded is not None and graded.submitted_at == submitted.submitted_at
    assert (graded.questions[1].answer, graded.questions[1].score) == ("def f(): ...", 4.0)
    [listed] = store.exams.attempts()
    assert listed.submitted


def test_submissions_stored_by_older_versions_still_read(tmp_path: Path) -> None:
    """Rows written before verdicts carried Korean (plain English messages, the printed
    output) load as GradeResult in a real SQLite file; a damaged one says it cannot be read."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with open_url(url, "kim") as store:
        store.practice.submit("tk", "new", verdict("tk", 10))
    old = {
        "task": "tk",
        "passed": False,
        "score": 5.0,
        "max_score": 10.0,
        "checks": [
            {
                "name": "values",
                "passed": False,
                "message": "expected 1, got 2",
                "points": 0.0,
                "max_points": 5.0,
            },
            {"name": "shape", "passed": True, "message": "", "points": 5.0, "max_points": 5.0},
        ],
        "error": None,
        "duration_s": 1.5,
        "stdout": "the hidden tests' source",
        "stderr": "",
    }
    engine = create_engine(url)
    with engine.begin() as connection:
        for code, result in (("old", old), ("damaged", {"score": 3})):
            connection.execute(
                text(
                    "INSERT INTO task_submissions (profile_id, task_id, code, result, passed, "
                    "score, max_score, submitted_at, duration_s) SELECT id, 'tk', :code, :result, "
                    "0, 5, 10, '2026-01-01 00:00:00.000000', 1.5 FROM profiles WHERE name = 'kim'"
                ),
                {"code": code, "result": json.dumps(result)},
            )
    engine.dispose()
    with open_url(url, "kim") as store:
        by_code = {s.code: s.result for s in store.practice.history("tk")}
    loaded = by_code["old"]
    assert (loaded.passed, loaded.score, loaded.max_score) == (False, 5.0, 10.0)
    assert [c.title_in("ko") for c in loaded.checks] == ["values", "shape"]
    assert loaded.checks[0].message_in("ko") == "expected 1, got 2"  # English is all it has
    assert loaded.output == "" and loaded.error is None
    damaged = by_code["damaged"]
    assert damaged.task == "tk" and damaged.max_score == 10.0 and not damaged.passed
    assert damaged.error_in("ko") == "저장된 채점 결과를 읽을 수 없습니다"
    assert by_code["new"].passed

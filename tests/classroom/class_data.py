"""A small class in a real store: three students over the sample bank (see
tests/store/helpers.py), each with reviews, graded submissions and mock exams."""

from __future__ import annotations

from datetime import UTC

from grader.text import tr
from grader.verdict.result import CheckResult, Diagnosis, GradeResult
from question_bank import Bank
from quizapp.store import Store, open_url
from quizapp.study import StudyDay, StudyScheduler, StudyService
from tests.store.helpers import FakeClock
from tests.study.studying import study

WRITTEN = ["sc", "mc", "tf", "sa", "num", "cz", "loss-sa"]


def verdict(*, shape_ok: bool, softmax: bool = False) -> GradeResult:
    checks = [
        CheckResult(
            name="output shape",
            title=tr("output shape", "출력 모양"),
            passed=shape_ok,
            message={}
            if shape_ok
            else tr("expected (8, 1), got (8, 64)", "(8, 1)이어야 하는데 (8, 64)"),
            points=5 if shape_ok else 0,
            max_points=5,
        ),
        CheckResult(name="criterion", passed=True, points=5, max_points=5),
    ]
    diagnoses = (
        [Diagnosis(id="softmax-on-logits", message=tr("softmax on logits", "로짓에 소프트맥스"))]
        if softmax
        else []
    )
    score = sum(c.points for c in checks)
    return GradeResult(
        task="tk",
        passed=score == 10,
        score=score,
        max_score=10,
        checks=checks,
        diagnoses=diagnoses,
        duration_s=0.5,
    )


def submit(store: Store, result: GradeResult) -> None:
    store.practice.submit("tk", "def make_criterion():\n    return None\n", result)


def service(store: Store, bank: Bank, clock: FakeClock) -> StudyService:
    return StudyService(
        store, bank, scheduler=StudyScheduler(fuzz=False), day=StudyDay(zone=UTC), clock=clock
    )


def fill_class(url: str, bank: Bank, clock: FakeClock) -> None:
    """kim: every written item right, one task submission that passes, two exams.
    lee: every written item wrong except `tf`, a failing submission then a better one.
    park: `sc` wrong once, a failing submission with a diagnosed mistake.
    quiet: a profile that never studied."""
    with open_url(url, "kim", clock=clock) as kim:
        s = service(kim, bank, clock)
        for item in WRITTEN:
            study(s, item, right=True)
        submit(kim, verdict(shape_ok=True))
        for percent in (55.0, 80.0):
            attempt = kim.exams.start("mock", seed=1, minutes=30, questions=[("sc", "written")])
            kim.exams.finish(attempt.id, score=percent, max_score=100, passed=percent >= 60)
    clock.advance(hours=1)
    with open_url(url, "lee", clock=clock) as lee:
        s = service(lee, bank, clock)
        for item in WRITTEN:
            study(s, item, right=item == "tf")
        submit(lee, verdict(shape_ok=False))
        clock.advance(minutes=5)
        submit(lee, verdict(shape_ok=False, softmax=True))
    clock.advance(hours=1)
    with open_url(url, "park", clock=clock) as park:
        study(service(park, bank, clock), "sc", right=False)
        submit(park, verdict(shape_ok=False, softmax=True))
    open_url(url, "quiet", clock=clock).close()

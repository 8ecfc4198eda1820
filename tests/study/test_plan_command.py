"""``quizapp plan`` on a real SQLite store over the bundled bank: a fresh profile with an
exam date, a profile with history, the refusals, and both languages."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from question_bank import Bank, load_bank
from quizapp.commands.base import execute
from quizapp.commands.plan import run_plan
from quizapp.commands.status import UsageError
from quizapp.settings import Settings
from quizapp.store import ReviewRequest, Store, open_url
from quizapp.study import Rating, StudyScheduler
from quizapp.study.readiness import UNTRIED_SHARE, choose_blueprint
from tests.store.helpers import FakeClock
from tests.verdicts import verdict

TOP = {"exam_date", "days_left", "predicted", "plan", "predicted_after"}
PREDICTED = {"total", "low", "high", "by_entry", "by_kind"}
STEP = {"kind", "id", "minutes", "gain"}
MOCK_ID = "ai-essential-mock"  # the bundled blueprint with the most points


@pytest.fixture(scope="module")
def bundled() -> Bank:
    return load_bank()


def settings_for(tmp_path: Path, lang: str = "en") -> Settings:
    return Settings(data_dir=tmp_path / "home", profile="kim", lang=lang)


def args(**given: object) -> argparse.Namespace:
    return argparse.Namespace(**{"minutes": None, "json": True, **given})


def in_days(n: int) -> date:
    return (datetime.now(UTC) + timedelta(days=n)).date()


def plan_of(settings: Settings, capsys: pytest.CaptureFixture[str], **given: object) -> Any:
    assert run_plan(args(**given), settings) == 0
    return json.loads(capsys.readouterr().out)


def check_structure(found: Any, minutes: float) -> None:
    assert set(found) >= TOP
    assert set(found["predicted"]) >= PREDICTED
    p = found["predicted"]
    assert p["low"] <= p["total"] <= p["high"]
    for step in found["plan"]:
        assert set(step) == STEP
        assert step["kind"] in {"review", "relearn", "new", "task", "exam"}
        assert step["minutes"] > 0 and step["gain"] > 0
    assert sum(s["minutes"] for s in found["plan"]) <= minutes + 0.01 * len(found["plan"])
    assert found["predicted_after"] > p["total"]


def review(store: Store, card_id: str, rating: Rating, at: datetime) -> None:
    """Record one answer the way a session does (the real store path)."""
    scheduler = StudyScheduler(fuzz=False)
    request = ReviewRequest(card_id, "written", int(rating), at, correct=rating > Rating.Again)
    store.reviews.apply(request, lambda before: scheduler.review(before, rating, at))


def test_a_fresh_profile_with_an_exam_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bundled: Bank
) -> None:
    settings = settings_for(tmp_path)
    with open_url(settings.database_url, "kim") as store:
        store.profiles.set_exam_date(in_days(10))
    found = plan_of(settings, capsys)
    check_structure(found, 30)
    assert found["exam_date"] == in_days(10).isoformat()
    assert found["days_left"] in (9, 10, 11)  # the study day starts at 04:00 local time
    assert found["blueprint"] == MOCK_ID
    mock = bundled.exams[MOCK_ID]
    assert list(found["predicted"]["by_kind"]) == [s.title for s in mock.sections]
    practical = [v for v in found["predicted"]["by_kind"].values()][1:]
    assert sum(v["expected"] for v in practical) == pytest.approx(50 * UNTRIED_SHARE, abs=0.05)
    assert set(found["predicted"]["by_entry"]) == {e.title for e in bundled.syllabus}
    assert {s["kind"] for s in found["plan"]} <= {"new", "task"}
    roomy = plan_of(settings, capsys, minutes=120)
    check_structure(roomy, 120)
    assert "task" in {s["kind"] for s in roomy["plan"]}


def test_a_profile_with_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bundled: Bank
) -> None:
    settings = settings_for(tmp_path)
    blueprint = choose_blueprint(bundled.exams)
    assert blueprint is not None
    pool = sorted(i.id for i in bundled.written_pool(blueprint.sections[0]))
    right, wrong = pool[:20], pool[20]
    started = datetime.now(UTC) - timedelta(days=3)
    with open_url(settings.database_url, "kim", clock=FakeClock(started)) as store:
        store.profiles.set_exam_date(in_days(5))
        before = plan_of(settings, capsys)
        for n, item in enumerate(right):
            review(store, item, Rating.Good, started + timedelta(seconds=n))
            review(store, item, Rating.Good, started + timedelta(minutes=10, seconds=n))
        review(store, wrong, Rating.Again, started)
        task = bundled.task_pool(blueprint.sections[1])[0].id
        assert store.practice.submit(task, "code", verdict(task, 10), submitted_at=started)
    found = plan_of(settings, capsys)
    check_structure(found, 30)
    assert found["predicted"]["total"] > before["predicted"]["total"] + 1.5
    kinds = {s["id"]: s["kind"] for s in plan_of(settings, capsys, minutes=3000)["plan"]}
    assert kinds.get(wrong) == "relearn"
    assert {kinds[i] for i in right} == {"review"}  # a whole evening: every item has a step
    assert {kinds[i] for i in pool[21:]} == {"new"}
    assert kinds[task] == "task"


def test_refusals_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = settings_for(tmp_path)
    assert execute(run_plan, args(), settings, "en") == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert "no exam date" in captured.err and "--exam-date" in captured.err
    with open_url(settings.database_url, "kim") as store:
        store.profiles.set_exam_date(in_days(-3))
    assert execute(run_plan, args(), settings_for(tmp_path, "ko"), "ko") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "지났습니다" in err
    with pytest.raises(UsageError, match="--minutes"):
        run_plan(args(minutes=0), settings)


def test_the_text_follows_the_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = settings_for(tmp_path, "ko")
    with open_url(settings.database_url, "kim") as store:
        store.profiles.set_exam_date(in_days(10))
    assert run_plan(args(json=False, minutes=120), settings) == 0
    ko = capsys.readouterr().out
    assert "예상 점수" in ko and "오늘 할 일 (120분)" in ko and "새 문항 익히기" in ko
    assert "  1. 실기 풀기: " in ko  # a task's step names it by its title
    assert run_plan(args(json=False, minutes=120), settings_for(tmp_path, "en")) == 0
    en = capsys.readouterr().out
    assert (
        "Predicted score" in en
        and "Tonight (120 min)" in en
        and re.search(r"Learn \d+ new items", en)
    )
    assert "  1. Practise task: " in en
    assert "예상" not in en


def test_the_command_line(tmp_path: Path) -> None:
    home = tmp_path / "cli-home"
    base = [sys.executable, "-m", "quizapp", "--data-dir", str(home), "--profile", "kim"]
    base += ["--lang", "en"]
    subprocess.run(
        [*base, "profile", "--exam-date", in_days(6).isoformat()], check=True, capture_output=True
    )
    done = subprocess.run(
        [*base, "plan", "--minutes", "10", "--json"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    check_structure(found, 10)
    bad = subprocess.run([*base, "plan", "--minutes", "x"], capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr

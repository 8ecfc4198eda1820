"""``quizapp stats`` and ``quizapp profile`` as their command functions run them
(their parsers live beside them; a store error becomes exit 1 in commands.base.execute)."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

import pytest

from quizapp.commands.base import execute
from quizapp.commands.profile import run_profile
from quizapp.commands.stats import run_stats
from quizapp.commands.status import UsageError
from quizapp.settings import Settings
from quizapp.store import open_url
from tests.store.helpers import sqlite_url


def profile_args(**given: object) -> argparse.Namespace:
    values: dict[str, object] = {
        "exam_date": None,
        "no_exam_date": False,
        "new_per_day": None,
        "json": True,
    }
    return argparse.Namespace(**{**values, **given})


def test_run_stats_prints_json_with_the_spec_fields(
    bank_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(data_dir=tmp_path / "home", banks=[bank_dir], profile="kim")
    with open_url(settings.database_url, "kim") as store:
        store.exams.start("ai-essential-mock", 1, 90, [])
    assert run_stats(argparse.Namespace(json=True), settings) == 0
    stats = json.loads(capsys.readouterr().out)
    for field, kind in [
        ("reviews_total", int),
        ("due_now", int),
        ("items_seen", int),
        ("exam_attempts", list),
    ]:
        assert isinstance(stats[field], kind), field
    assert stats["exam_attempts"][0]["blueprint"] == "ai-essential-mock"
    assert set(stats["exam_attempts"][0]) >= {
        "id",
        "blueprint",
        "score_percent",
        "passed",
        "finished_at",
    }
    assert run_stats(argparse.Namespace(json=False), settings) == 0
    assert capsys.readouterr().out.startswith("프로필 kim\n복습: 전체 0회")  # Settings: Korean
    english = dataclasses.replace(settings, lang="en")
    assert run_stats(argparse.Namespace(json=False), english) == 0
    assert capsys.readouterr().out.startswith("profile kim\nreviews: 0 in total")


def test_run_stats_reports_an_unusable_store_in_one_line(
    bank_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "progress.db").write_text("not a database")
    settings = Settings(data_dir=home, banks=[bank_dir], profile="kim")
    assert execute(run_stats, argparse.Namespace(json=True), settings, "en") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "quizapp 진도 저장소가 아닙니다" in captured.err
    assert (home / "progress.db").read_text() == "not a database"


def test_the_store_opens_with_the_sqlite_url_of_the_settings(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "home", profile="kim")
    assert settings.database_url == sqlite_url(tmp_path / "home" / "progress.db")


def test_profile_sets_and_shows_the_study_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(data_dir=tmp_path / "home", profile="kim")
    assert run_profile(profile_args(exam_date="2026-12-10", new_per_day=35), settings) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == {
        "profile": "kim",
        "exam_date": "2026-12-10",
        "daily_new_limit": 35,
        "profiles": ["kim"],
    }
    with open_url(settings.database_url, "kim") as store:
        info = store.profiles.info()
        assert (info.exam_date.isoformat(), info.daily_new_limit) == ("2026-12-10", 35)  # type: ignore[union-attr]
    assert run_profile(profile_args(no_exam_date=True, json=False), settings) == 0
    assert "시험일: 미설정" in capsys.readouterr().out  # Settings default to Korean


def test_profile_refuses_bad_values_in_one_line(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "home", profile="kim")
    with pytest.raises(UsageError, match="not a date; write YYYY-MM-DD"):
        run_profile(profile_args(exam_date="next friday"), settings)
    with pytest.raises(UsageError, match="0 or more"):
        run_profile(profile_args(new_per_day=-1), settings)
    with pytest.raises(UsageError, match="not both"):
        run_profile(profile_args(exam_date="2026-12-10", no_exam_date=True), settings)

"""`quizapp quiz` options reach the app: --learn-new makes the quiz's first answers count
against today's new-card limit (a quiz leaves the limit alone without it)."""

from __future__ import annotations

from pathlib import Path

from quizapp.cli import build_parser
from quizapp.commands.tui import build_start
from quizapp.settings import resolve
from quizapp.tui.app import Start


def test_learn_new_is_off_by_default_and_reaches_the_start(tmp_path: Path) -> None:
    settings = resolve(data_dir=str(tmp_path / "data"), lang="ko", profile="student")
    parser = build_parser()
    plain = build_start(parser.parse_args(["quiz", "--count", "3"]), settings)
    learning = build_start(parser.parse_args(["quiz", "--learn-new"]), settings)
    assert isinstance(plain, Start) and isinstance(learning, Start)
    assert plain.learn_new is False and plain.count == 3
    assert learning.learn_new is True

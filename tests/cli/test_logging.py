"""Logging: ``--verbose``, ``--log-file`` and ``QUIZAPP_LOG``/``QUIZAPP_LOG_FILE`` put one
handler on the root logger that records of ``grader.*``, ``question_bank.*`` and
``quizapp.*`` reach; without them nothing is logged, and the app never logs to the terminal."""

from __future__ import annotations

import logging
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp import logs
from quizapp.cli import main
from tests.terminal import Terminal, needs_tmux

QUIZAPP = Path(sys.executable).with_name("quizapp")
PILOT_BANK = Path(__file__).parents[1] / "tui" / "data" / "bank"
PACKAGES = ("grader.workers.pool", "question_bank.loader", "quizapp.store")


@pytest.fixture(autouse=True)
def no_logging_after() -> Iterator[None]:
    yield
    logs.configure(logs.LogRequest())  # as a run without the flags leaves it


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(logs.ENV_LEVEL, raising=False)
    monkeypatch.delenv(logs.ENV_FILE, raising=False)
    return tmp_path / "home"


def stats(home: Path, *options: str) -> int:
    return main(["--data-dir", str(home), "--lang", "en", *options, "bank", "stats", "--json"])


def log_from_every_package(message: str) -> None:
    for name in PACKAGES:
        logging.getLogger(name).warning("%s from %s", message, name)


def test_log_file_gets_the_records_of_every_package(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "logs" / "run.log"
    assert stats(home, "--log-file", str(target)) == 0
    log_from_every_package("after the command")
    text = target.read_text(encoding="utf-8")
    assert "DEBUG quizapp.commands.base: running quizapp.commands.bank.run_bank_stats" in text
    assert "DEBUG quizapp.commands.base: exit 0" in text
    for name in PACKAGES:
        assert f"WARNING {name}: after the command from {name}" in text


def test_the_environment_asks_as_the_options_do(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "env.log"
    monkeypatch.setenv(logs.ENV_FILE, str(target))
    monkeypatch.setenv(logs.ENV_LEVEL, "info")
    assert stats(home) == 0
    log_from_every_package("at info")
    text = target.read_text(encoding="utf-8")
    assert "running" not in text  # a DEBUG record, below the level asked for
    assert all(f"WARNING {name}: at info" in text for name in PACKAGES)
    assert "WARNING" not in capfd.readouterr().err


def test_verbose_commands_log_on_stderr(home: Path, capfd: pytest.CaptureFixture[str]) -> None:
    assert stats(home, "--verbose") == 0
    log_from_every_package("verbose")
    err = capfd.readouterr().err
    assert "DEBUG quizapp.commands.base: running quizapp.commands.bank.run_bank_stats" in err
    assert all(f"WARNING {name}: verbose from {name}" in err for name in PACKAGES)


def test_without_the_flags_nothing_is_logged_to_stderr(
    home: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    assert stats(home, "--verbose") == 0
    assert stats(home) == 0  # the handler of the run before is gone
    log_from_every_package("unasked")
    captured = capfd.readouterr()
    assert "unasked" not in captured.err
    assert "running" not in captured.err.split("exit 0")[-1]
    run = subprocess.run(
        [str(QUIZAPP), "--data-dir", str(home), "--lang", "en", "bank", "stats"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0 and run.stderr == ""


def test_a_bad_level_or_file_is_one_line_and_exit_2(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert stats(home, "--log-file", str(tmp_path)) == 2
    assert capsys.readouterr().err == (
        f"quizapp: error: cannot write the log file {tmp_path}: Is a directory\n"
    )
    monkeypatch.setenv(logs.ENV_LEVEL, "loud")
    assert main(["--data-dir", str(home), "--lang", "ko", "bank", "stats"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "QUIZAPP_LOG" in err and "'loud'" in err


@needs_tmux
@pytest.mark.skipif(shutil.which("script") is None, reason="util-linux `script` is not installed")
def test_the_app_with_verbose_writes_nothing_to_the_terminal(home: Path, tmp_path: Path) -> None:
    """Everything the app's process writes to the terminal (stdout and stderr, where Textual
    draws) is recorded by `script`: the screen, and not one log record."""
    raw = tmp_path / "terminal.raw"
    app = (
        f"{QUIZAPP} --verbose --bank {PILOT_BANK} quiz --topic 파일럿 "
        "--type flashcard,true_false --count 2"
    )
    command = (
        f"env QUIZAPP_HOME={home} LANG=ko_KR.UTF-8 TERM=xterm-256color "
        f"script -q -f -e -c {shlex.quote(app)} {raw}"
    )
    term = Terminal(f"quizapp-log-{uuid.uuid4().hex[:8]}", command, width=120)
    try:
        term.wait_for("답함 0 · 남음 2")
        term.keys("C-q")
        deadline = time.monotonic() + 10
        while term.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not term.alive()
    finally:
        term.close()
    written = raw.read_text(encoding="utf-8", errors="replace")
    assert "답함 0" in written  # the screen was drawn through this record
    assert "DEBUG" not in written and "quizapp.commands" not in written
    text = (home / logs.APP_LOG).read_text(encoding="utf-8")
    assert "DEBUG quizapp.commands.base: running quizapp.commands.tui.run_tui" in text

"""The installed `quizapp` in a real pseudo-terminal (tmux): start, press keys, read the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.terminal import Terminal, needs_tmux

PILOT_BANK = Path(__file__).parent / "data" / "bank"
QUIZAPP = Path(sys.executable).with_name("quizapp")

pytestmark = needs_tmux


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    name = f"quizapp-e2e-{uuid.uuid4().hex[:8]}"
    home = tmp_path / "home"
    command = (
        f"env QUIZAPP_HOME={home} LANG=ko_KR.UTF-8 TERM=xterm-256color "
        f"{QUIZAPP} --bank {PILOT_BANK} quiz --topic 파일럿 --type flashcard,true_false --count 2"
    )
    term = Terminal(name, command, width=120)
    try:
        yield term, home
    finally:
        term.close()


def test_a_quiz_in_a_real_terminal_is_answered_and_saved(terminal: tuple[Terminal, Path]) -> None:
    term, home = terminal
    term.wait_for("답함 0 · 남음 2")
    for _ in range(2):
        # each state has its own hint line: wait for the question's, not the last feedback's
        if term.first_of("space: 답 보기", "1 또는 o: 참") == "space: 답 보기":
            term.keys("Space")
            term.wait_for("파일럿 카드 뒷면")
            term.wait_for("3 알맞음 · ")
            term.keys("3")
        else:
            term.keys("o")
            term.wait_for("✓ 정답")
            term.keys("Enter")
    term.wait_for("맞힘 2 · 틀림 0")
    # the app's own process never loads torch (grading runs in the grader's workers)
    maps = Path(f"/proc/{term.pid()}/maps").read_text()
    assert "libtorch" not in maps
    assert "libpython" in maps or "python" in maps
    term.keys("C-q")
    deadline = time.monotonic() + 10
    while term.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not term.alive()
    stats = subprocess.run(
        [str(QUIZAPP), "--bank", str(PILOT_BANK), "stats", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "QUIZAPP_HOME": str(home)},
        check=True,
    )
    assert json.loads(stats.stdout)["reviews_total"] == 2


def test_home_in_a_real_terminal_shows_its_keys_and_the_table_takes_the_arrows(
    tmp_path: Path,
) -> None:
    """At 80×24 in a real terminal, home's footer lists the ways in (it is mounted after the
    first frame, when no binding changes any more) and the coverage table has the focus."""
    command = (
        f"env QUIZAPP_HOME={tmp_path / 'home'} LANG=ko_KR.UTF-8 TERM=xterm-256color "
        f"{QUIZAPP} --bank {PILOT_BANK}"
    )
    term = Terminal(f"quizapp-home-{uuid.uuid4().hex[:8]}", command, width=80, height=24)
    try:
        term.wait_for("0%")  # the coverage rows are in
        last_line = term.wait_for("^p").rstrip().splitlines()[-1]
        assert "r 복습" in last_line and "e 모의고사" in last_line
        assert "벡터스토어" not in term.screen()  # the last entry is below the fold
        term.keys(*["Down"] * 30)  # the focused table scrolls to it
        term.wait_for("벡터스토어")
    finally:
        term.close()

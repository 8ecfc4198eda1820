"""A mock exam survives the app being killed: the real `quizapp exam ID` in a real terminal
(tmux), answers given, the process killed with SIGKILL mid-attempt, then started again —
it resumes without asking, the countdown shows deadline − now (the clock never stopped),
and the saved answers and flag are there. The grader workers of the killed app go too."""

from __future__ import annotations

import os
import re
import signal
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.settings import resolve
from quizapp.store import ExamAttempt, open_store
from tests.terminal import Terminal, needs_tmux

QUIZAPP = Path(sys.executable).with_name("quizapp")
MINUTES = 10
BLUEPRINT = f"""\
id: killed
title: 강제 종료 시험
minutes: {MINUTES}
sections:
  - title: 필기
    kind: written
    count: 3
    types: [true_false]
    points_each: 1
"""

pytestmark = needs_tmux


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_gone(pids: list[int], timeout: float = 20.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.1)
    return [p for p in pids if alive(p)]


def shown_left(screen: str) -> timedelta:
    match = re.search(r"남은 시간 (?:(\d+):)?(\d\d):(\d\d)", screen)
    assert match, screen
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[str, Path, list[Terminal]]]:
    bank = tmp_path / "bank"
    (bank / "exams").mkdir(parents=True)
    (bank / "exams" / "killed.yaml").write_text(BLUEPRINT, encoding="utf-8")
    home = tmp_path / "home"
    command = (
        f"env QUIZAPP_HOME={home} LANG=ko_KR.UTF-8 TERM=xterm-256color "
        f"{QUIZAPP} --bank {bank} exam killed"
    )
    terminals: list[Terminal] = []
    try:
        yield command, home, terminals
    finally:
        for terminal in terminals:
            terminal.close()


def the_attempt(home: Path) -> ExamAttempt:
    with open_store(resolve(data_dir=str(home))) as store:
        [listed] = store.exams.attempts()
        attempt = store.exams.get(listed.id)
    assert attempt is not None
    return attempt


def until_stored(home: Path, check: object, timeout: float = 10.0) -> ExamAttempt:
    deadline = time.monotonic() + timeout
    while True:
        attempt = the_attempt(home)
        if check(attempt):  # type: ignore[operator]
            return attempt
        assert time.monotonic() < deadline, attempt
        time.sleep(0.1)


def test_sigkill_mid_attempt_then_reopened_keeps_the_clock_and_the_answers(
    setup: tuple[str, Path, list[Terminal]],
) -> None:
    command, home, terminals = setup
    first = Terminal(f"quizapp-exam-{uuid.uuid4().hex[:8]}", command)
    terminals.append(first)
    first.wait_for("문항 1/3")
    first.wait_for("남은 시간 ")
    first.keys("o")  # 1: true
    first.wait_for("저장된 답: 참 (O)")
    first.keys("n")
    first.wait_for("문항 2/3")
    first.keys("x")  # 2: false
    first.wait_for("저장된 답: 거짓 (X)")
    first.keys("f")  # and flagged
    first.wait_for("검토 표시")
    stored = until_stored(home, lambda a: a.questions[1].flagged)
    assert [q.answer for q in stored.questions] == ["true", "false", None]

    pid = first.pid()
    assert "quizapp" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    workers = children(pid)
    assert workers, "the app warms up its grader: its worker processes should be running"
    os.kill(pid, signal.SIGKILL)
    assert wait_gone([pid]) == []
    assert wait_gone(workers) == [], "the killed app's grader workers are still running"
    time.sleep(3)  # closed for a while: the clock goes on

    second = Terminal(f"quizapp-exam-{uuid.uuid4().hex[:8]}", command)
    terminals.append(second)
    screen = second.wait_for("문항 3/3")  # resumed, at the first unanswered question
    screen = second.wait_for("남은 시간 ")
    now = datetime.now(UTC)
    deadline = stored.started_at + timedelta(minutes=MINUTES)
    left = shown_left(screen)
    assert abs(left - (deadline - now)) <= timedelta(seconds=2), (left, deadline - now)
    assert left <= timedelta(minutes=MINUTES) - timedelta(seconds=3)
    assert " 1 ●" in screen and " 2 ● ⚑" in screen and " 3 ○" in screen
    second.keys("p")
    second.wait_for("저장된 답: 거짓 (X)")
    second.keys("p")
    second.wait_for("저장된 답: 참 (O)")
    resumed = the_attempt(home)
    assert resumed.id == stored.id and not resumed.finished
    assert [q.answer for q in resumed.questions] == ["true", "false", None]
    pid = second.pid()
    workers = children(pid)
    second.keys("C-q")  # mid-exam: it asks first, and says the clock keeps running
    second.wait_for("앱을 닫아도 시계는 계속 흐릅니다")
    second.keys("y")
    assert wait_gone([pid]) == [] and wait_gone(workers) == []

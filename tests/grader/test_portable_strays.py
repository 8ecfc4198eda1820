"""The portable backend kills the whole tree of a run and never blames a student for another's.

Linux only, where the portable backend can do it: the app becomes a child subreaper, so a
process that leaves a worker's tree (``clone(CLONE_PARENT)``, ``setsid``, an empty
environment, fork-hopping) comes back to the app and is killed before the next file runs.
macOS and Windows have no subreaper: there a daemon that scrubbed its environment escapes,
and what protects the next student is the retry (the last tests), which runs everywhere.
"""

from __future__ import annotations

import os
import platform
import secrets
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from grader import Grader
from question_bank import Bank, Task

GOOD = "def predict_classes(logits):\n    return logits.argmax(dim=1)\n"
LINUX_X86 = sys.platform.startswith("linux") and platform.machine() == "x86_64"


@pytest.fixture(scope="module")
def portable() -> Iterator[Grader]:
    with Grader(1, sandbox="portable") as grader:
        grader.warm_up()
        yield grader


@pytest.fixture(scope="module")
def task(bank: Bank) -> Task:
    return bank.tasks["tensor-argmax"].model_copy(update={"time_limit_s": 6.0})


def _named(token: str) -> list[int]:
    """Processes whose name (comm) is ``token``."""
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/comm") as f:
                    if f.read().strip() == token:
                        found.append(int(name))
            except OSError:
                continue
    return found


def _gone(token: str, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while _named(token) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not _named(token)


# A daemon made by clone(CLONE_PARENT) (a sibling of the worker: the app's child), which
# leaves the session and execs with an empty environment (no marker left to find it by),
# then kills every grading worker of this app it sees, for a minute.
DAEMON = (
    """
import ctypes, os, sys

CODE = '''
import ctypes, os, signal, time
ctypes.CDLL(None).prctl(15, b"{token}", 0, 0, 0)
end = time.monotonic() + 60
while time.monotonic() < end:
    for name in os.listdir("/proc"):
        try:
            with open(f"/proc/{{name}}/stat", "rb") as f:
                ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            with open(f"/proc/{{name}}/environ", "rb") as f:
                marked = b"QUIZAPP_WORKER_MARK=" in f.read()
            if ppid == {app} and marked:
                os.kill(int(name), signal.SIGKILL)
        except (OSError, ValueError, IndexError):
            pass
    time.sleep(0.05)
'''

if ctypes.CDLL(None).syscall(56, 0x8000 | 17, 0, 0, 0, 0) == 0:  # clone(CLONE_PARENT)
    os.setsid()
    os.execve(sys.executable, [sys.executable, "-c", CODE], {{}})
"""
    + GOOD
)


@pytest.mark.skipif(not LINUX_X86, reason="clone(CLONE_PARENT) by number: Linux x86-64")
def test_a_clone_parent_daemon_dies_and_the_next_files_pass(portable: Grader, task: Task) -> None:
    """Finding: such a daemon outlived the grade and the app and killed the next two
    classmates' correct runs, which were failed as "killed by SIGKILL"."""
    token = "qz" + secrets.token_hex(5)
    portable.grade(task, DAEMON.format(token=token, app=os.getpid()), timeout=120)
    assert _gone(token), "the daemon outlived its grade"
    for _ in range(2):
        result = portable.grade(task, GOOD, timeout=120)
        assert result.passed, result.error
        assert result.retried is None


HOPPER = (
    """
import ctypes, os, time
ctypes.CDLL(None).prctl(15, b"{token}", 0, 0, 0)
if os.fork() == 0:
    os.setsid()
    end = time.monotonic() + 90  # (should it escape, it stops by itself: a shared machine)
    while time.monotonic() < end:  # hop: fork, and let the parent die
        if os.fork() != 0:
            os._exit(0)
        time.sleep(0.01)
    os._exit(0)
"""
    + GOOD
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a subreaper: Linux only")
def test_a_fork_hopping_process_is_killed(portable: Grader, task: Task) -> None:
    """Finding: a fork-hopping process was never killed and held the batch open for 127 s."""
    token = "qz" + secrets.token_hex(5)
    started = time.monotonic()
    result = portable.grade(task, HOPPER.format(token=token), timeout=120)
    assert time.monotonic() - started < 60
    assert _gone(token), "the hopper outlived its grade"
    assert result.error_kind != "internal", result.error


# Killed by SIGKILL on its first run only (a flag file outside the sandbox, which the
# portable backend does not confine): what a run killed by another file's leftover looks like.
ONCE = (
    """
import os, signal
FLAG = {flag!r}
if not os.path.exists(FLAG):
    open(FLAG, "w").close()
    os.kill(os.getpid(), signal.SIGKILL)
"""
    + GOOD
)

ALWAYS = "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n" + GOOD


@pytest.mark.skipif(sys.platform == "win32", reason="no signals on Windows")
def test_a_run_killed_from_outside_is_graded_again_and_says_so(
    portable: Grader, task: Task, tmp_path: Path
) -> None:
    result = portable.grade(task, ONCE.format(flag=str(tmp_path / "flag")), timeout=120)
    assert result.passed, result.error
    assert result.retried is not None and "graded again in a fresh worker" in result.retried["en"]
    assert "SIGKILL" in result.retried["en"] and result.retried["ko"]
    assert result.json_row("en", file="once.py")["retried"] == result.retried["en"]


@pytest.mark.skipif(sys.platform == "win32", reason="no signals on Windows")
def test_a_file_that_kills_itself_is_still_its_own_fault(portable: Grader, task: Task) -> None:
    result = portable.grade(task, ALWAYS, timeout=120)
    assert not result.passed and result.error_kind == "submission"
    assert "SIGKILL" in (result.error_in("en") or "")
    assert result.retried is None

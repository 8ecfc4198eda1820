"""Running the real ``quizapp`` command in a subprocess, and waiting for a condition by polling."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    code: int
    out: str
    err: str


def quizapp(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run ``python -m quizapp ARGS`` as a user would, in a fresh interpreter."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "quizapp", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=120,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def wait_until(condition: Callable[[], object], timeout: float = 30.0, step: float = 0.05) -> None:
    """Poll ``condition()`` until it holds; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(step)

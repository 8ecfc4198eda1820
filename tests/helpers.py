"""Running the real ``quizapp`` command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
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

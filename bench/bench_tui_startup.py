"""Time to the first frame: the real quizapp vs a minimal Textual app, in the same run.

Both are launched in a pseudo-terminal (as a user's terminal would run them);
the clock stops when the app has drawn its first screen (a marker text in the
terminal output). Target: quizapp ≤ 1.5 × the minimal app.

Both run with Python's bytecode cache, as on a student's machine from the second
launch on (pip compiles an installed package; an editable install writes its
``__pycache__`` on the first run): a ``PYTHONDONTWRITEBYTECODE`` in the calling
environment is dropped for the children, since with it quizapp's few hundred modules
are compiled again on every launch while Textual's come precompiled from the wheel.
``--no-bytecode`` keeps it, for that cold case.
Run: `python bench/bench_tui_startup.py [--repeat N] [--no-bytecode]`. Prints numbers;
asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("MINIMAL-READY")

Minimal().run()
"""


def first_frame(
    argv: list[str], marker: bytes, env: dict[str, str], timeout: float = 30.0
) -> float:
    """Seconds from spawning ``argv`` in a pty until ``marker`` is drawn."""
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    started = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
        start_new_session=True,
    )
    os.close(slave)
    seen = b""
    try:
        while time.perf_counter() - started < timeout:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
                if marker in seen:
                    return time.perf_counter() - started
        raise RuntimeError(f"{argv[-1]!r}: no {marker!r} within {timeout} s; got {seen[-300:]!r}")
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        os.close(master)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE from the environment (compile on every launch)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": "120",
            "LINES": "40",
            "QUIZAPP_HOME": str(Path(tmp) / "home"),
            "LANG": "ko_KR.UTF-8",
        }
        if not args.no_bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        minimal = Path(tmp) / "minimal.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        runs = {
            "minimal Textual app": ([sys.executable, str(minimal)], b"MINIMAL-READY"),
            "quizapp": ([sys.executable, "-m", "quizapp"], b"AI Essential"),
        }
        for argv, marker in runs.values():  # warm the OS file cache (and bytecode) once
            first_frame(argv, marker, env)
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.repeat):  # interleaved, so that machine load hits both alike
            for name, (argv, marker) in runs.items():
                times[name].append(first_frame(argv, marker, env))
        base = statistics.median(times["minimal Textual app"])
        for name, values in times.items():
            med = statistics.median(values)
            print(
                f"{name:>20}: median {med * 1000:.0f} ms, min {min(values) * 1000:.0f} ms "
                f"({med / base:.2f}x the minimal app)"
            )
        print("target: quizapp ≤ 1.50x the minimal app")


if __name__ == "__main__":
    main()

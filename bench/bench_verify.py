"""What `quizapp bank verify` costs over the whole bundled bank (goal: under 10 minutes on 2 cores).

Runs the command as a user would (a fresh interpreter, every core) and prints
the wall time, the number of gradings and the mutation figures per task.

Run: ``python bench/bench_verify.py``. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main() -> None:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "quizapp", "bank", "verify", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    print(
        f"{'task':<22} {'mistakes':>8} {'mutants':>7} {'killed':>6} {'equiv':>5} {'surv':>4} {'s':>6}"
    )
    for r in rows:
        print(
            f"{r['task']:<22} {r['mistakes_failed']:>3}/{r['mistakes']:<4} {r['mutants']:>7} "
            f"{r['killed']:>6} {r['equivalent']:>5} {len(r['survived']):>4} {r['seconds']:>6.1f}"
        )
    mutants = sum(r["mutants"] for r in rows)
    print(
        f"whole bank: {len(rows)} tasks, {mutants} mutants, exit {proc.returncode}, "
        f"{elapsed:.1f} s wall on {os.cpu_count()} cores (goal: < 600 s on 2)"
    )


if __name__ == "__main__":
    main()

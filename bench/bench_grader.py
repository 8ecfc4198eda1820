"""What grading costs: cold and warm, one file and a batch, against the price of starting torch.

Prints, all measured in the same run on the same machine:

- Python + torch start: ``python -c "import torch, torch.nn, numpy"`` in a fresh interpreter;
- cold one-file call: ``quizapp grade cnn-fashion FILE`` as a subprocess (worker start,
  reference run and the file);
- warm per-file cost: one ``cnn-fashion`` file on a warm Grader (target: at most 150 ms),
  for each sandbox backend (``linux``, ``portable``); the portable backend's next worker
  warms up between files, outside the measured time (as it does while a student types);
- batch: ``quizapp grade cnn-fashion`` with 40 files in one call (both cores), per backend;
- zygote warm-up: the warm per-file cost of ``train-one-epoch`` (portable: with its
  optimizers warmed in the background), and on linux with and without the zygote's warm-up (its first optimizer step costs about a second, which every child
  would otherwise pay again).

Run: ``python bench/bench_grader.py [--repeat N]``. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from grader import Grader
from grader.workers.backends import BACKENDS, linux_missing
from question_bank import Task, load_bank

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "grader" / "submissions" / "cnn-fashion"


def _timed(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False, env=env, cwd=ROOT)
    return time.perf_counter() - started


def torch_start(repeat: int) -> float:
    code = "import torch, torch.nn, numpy"
    return statistics.median(_timed([sys.executable, "-c", code]) for _ in range(repeat))


def _env(sandbox: str) -> dict[str, str]:
    return {**os.environ, "QUIZAPP_SANDBOX": sandbox}


def cold_call(task: Task, repeat: int, folder: Path, sandbox: str) -> float:
    file = folder / "solution.py"
    file.write_text(task.read("solution.py"), encoding="utf-8")
    command = [sys.executable, "-m", "quizapp", "grade", task.id, str(file), "--json"]
    return statistics.median(_timed(command, _env(sandbox)) for _ in range(repeat))


def warm_cost(task: Task, repeat: int, sandbox: str, warm_up: bool = True) -> float:
    previous = os.environ.get("QUIZAPP_ZYGOTE_WARM_UP")
    os.environ["QUIZAPP_ZYGOTE_WARM_UP"] = "1" if warm_up else "0"
    try:
        with Grader(workers=1, sandbox=sandbox) as grader:
            source = task.read("solution.py")
            grader.grade(task, source)  # start the worker, compute the reference
            times = []
            for _ in range(repeat):
                grader.wait_warm()  # the portable backend's next worker: off the clock
                started = time.perf_counter()
                result = grader.grade(task, source)
                times.append(time.perf_counter() - started)
                assert result.passed, result.error
    finally:
        if previous is None:
            os.environ.pop("QUIZAPP_ZYGOTE_WARM_UP", None)
        else:
            os.environ["QUIZAPP_ZYGOTE_WARM_UP"] = previous
    return statistics.median(times)


def batch(task: Task, count: int, folder: Path, sandbox: str) -> float:
    samples = sorted(SAMPLES.glob("*.py")) or [Path("solution.py")]
    files = []
    for i in range(count):
        sample = samples[i % len(samples)]
        text = sample.read_text(encoding="utf-8") if sample.exists() else task.read("solution.py")
        path = folder / f"file{i:03d}.py"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    command = [sys.executable, "-m", "quizapp", "grade", task.id, *files, "--json"]
    return _timed(command, _env(sandbox))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per cold measurement (median)")
    parser.add_argument("--files", type=int, default=40, help="files in the batch")
    parser.add_argument(
        "--sandbox",
        action="append",
        choices=BACKENDS,
        help="a backend to measure (repeatable; default: each one that runs here)",
    )
    args = parser.parse_args()
    sandboxes = args.sandbox or [b for b in BACKENDS if b != "linux" or linux_missing() is None]
    bank = load_bank()
    cnn, train = bank.tasks["cnn-fashion"], bank.tasks["train-one-epoch"]
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = torch_start(args.repeat)
        print(f"Python + torch start            {start * 1000:8.0f} ms")
        for sandbox in sandboxes:
            print(f"-- sandbox: {sandbox}")
            cold = cold_call(cnn, args.repeat, folder, sandbox)
            print(
                f"cold one-file call (cnn-fashion) {cold * 1000:8.0f} ms   "
                "`quizapp grade` subprocess"
            )
            warm = warm_cost(cnn, max(10, args.repeat * 5), sandbox)
            print(f"warm per file (cnn-fashion)      {warm * 1000:8.0f} ms   target ≤ 150 ms")
            total = batch(cnn, args.files, folder, sandbox)
            print(
                f"batch of {args.files} files (cnn-fashion)  {total * 1000:8.0f} ms   "
                f"{total / args.files * 1000:.0f} ms per file, one `quizapp grade` call"
            )
    if "portable" in sandboxes:
        portable = warm_cost(train, 5, "portable")
        print(
            f"warm per file (train-one-epoch, portable)  {portable * 1000:8.0f} ms "
            "(the next worker warms its optimizers when the last job used them)"
        )
    if "linux" in sandboxes:
        with_warm_up = warm_cost(train, 5, "linux", warm_up=True)
        without = warm_cost(train, 5, "linux", warm_up=False)
        print(
            f"warm per file (train-one-epoch, linux)  {with_warm_up * 1000:8.0f} ms with the "
            f"zygote's warm-up, {without * 1000:.0f} ms without"
        )


if __name__ == "__main__":
    main()

"""What submitting a mock exam costs: grading the 3 practical tasks of `ai-essential-mock`
in one call on the grader's warm workers (the exam's grade function), against grading them
one after another.

For a few attempt seeds (each draws its own 3 tasks), with the reference solutions as the
answers, on a warm ``Grader(workers=2)`` (workers started, references computed, one
untimed round first), prints the median wall time of:

- parallel: ``grade_with(grader)`` on the 3 (task, code) pairs — what the exam does;
- one by one: ``grader.grade`` on each in turn;

and, once, the cold case: the first ``grade_with`` call on a new grader (workers start,
torch imports, references are computed) — a submission right after the app started.

Run: ``python bench/bench_exam_grading.py [--repeat N] [--seeds N]``. Prints numbers;
asserts nothing. Target: the 3 tasks in under 1 s once warm.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

from grader import Grader
from question_bank import load_bank
from quizapp.exam import draw_questions
from quizapp.exam.grading import grade_with


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds per seed (median)")
    parser.add_argument("--seeds", type=int, default=4, help="attempt seeds (task draws)")
    args = parser.parse_args()
    bank = load_bank()
    blueprint = bank.exams["ai-essential-mock"]
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    parallel_all: list[float] = []
    first = [bank.tasks[q.item_id] for q in draw_questions(blueprint, bank, 0) if q.kind == "task"]
    with Grader(workers=2) as cold:
        started = time.perf_counter()
        grade_with(cold)([(task, task.read("solution.py")) for task in first])
        print(f"cold: first exam grading on a new grader   {time.perf_counter() - started:6.2f} s")
    with Grader(workers=2) as grader:
        grade = grade_with(grader)
        for seed in range(args.seeds):
            drawn = [q for q in draw_questions(blueprint, bank, seed) if q.kind == "task"]
            tasks = [bank.tasks[q.item_id] for q in drawn]
            pairs = [(task, task.read("solution.py")) for task in tasks]
            grader.warm_up(tasks)
            warm = grade(pairs)  # untimed: workers up, references computed
            assert all(v.passed for v in warm), [v.error_in("en") for v in warm]
            parallel, serial = [], []
            for _ in range(args.repeat):
                started = time.perf_counter()
                grade(pairs)
                parallel.append(time.perf_counter() - started)
                started = time.perf_counter()
                for task, code in pairs:
                    grader.grade(task, code)
                serial.append(time.perf_counter() - started)
            parallel_all += parallel
            names = ", ".join(task.id for task in tasks)
            print(
                f"seed {seed}: {names:<55} parallel {statistics.median(parallel) * 1000:6.0f} ms"
                f"   one by one {statistics.median(serial) * 1000:6.0f} ms"
            )
    print(
        f"mock exam's 3 tasks, warm, parallel: median {statistics.median(parallel_all) * 1000:.0f}"
        f" ms, worst {max(parallel_all) * 1000:.0f} ms   target < 1000 ms"
    )


if __name__ == "__main__":
    main()

"""What training tasks cost: each reference's metric and training CPU time, and the wall time
of grading each task on a warm grader.

For each training task of the bundled bank, on one warm worker (the zygote started and
warmed before the clock runs):

- the reference solution's test metric, training CPU time (as the sandbox measures it,
  one thread) and parameter count, against the task's target and CPU budget;
- the wall time of grading it warm (median of ``--repeat`` gradings): from submitting the
  file to the verdict, training included;
- the metric of every grading, to show that one file gets one metric.

Run: ``python bench/bench_training.py [--repeat N]``. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import time

from grader import Grader, GradeResult
from question_bank import TrainingTask, load_bank


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="gradings per task (default 3)")
    args = parser.parse_args()
    bank = load_bank()
    tasks = [t for t in bank.tasks.values() if isinstance(t, TrainingTask)]
    header = ("task", "metric", "target", "cpu s", "budget s", "params", "warm wall s", "metrics")
    rows = [header]
    with Grader(workers=1) as grader:
        grader.grade(tasks[0], "x = 1\n")  # start the worker (torch import) off the clock
        for task in tasks:
            source = task.read("solution.py")
            walls: list[float] = []
            results: list[GradeResult] = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                results.append(grader.grade(task, source))
                walls.append(time.perf_counter() - started)
            report = results[0].training
            assert report is not None and report.metric is not None, results[0].error
            rows.append(
                (
                    task.id,
                    f"{report.metric:.4f}",
                    f"{task.target:g}",
                    f"{statistics.median(r.training.cpu_s for r in results if r.training):.2f}",
                    f"{task.cpu_budget_s:g}",
                    f"{report.parameters:,}",
                    f"{statistics.median(walls):.2f}",
                    " ".join(
                        sorted(
                            {
                                f"{r.training.metric:.4f}"
                                for r in results
                                if r.training and r.training.metric is not None
                            }
                        )
                    ),
                )
            )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

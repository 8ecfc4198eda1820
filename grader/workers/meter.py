"""How much CPU a running job has used, measured from the app's process.

The training screen shows it live against the task's budget; the final figure is the
verdict's own (``TrainingReport.cpu_s``). Nothing here asks the sandboxed code.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from grader.workers import backends


def cpu_meter(runner: backends.Runner) -> Callable[[], float]:
    """What a job on ``runner`` has used of the CPU so far, measured from this process.

    On Linux: everything below the zygote (its forked run and all the run started, living
    or reaped by it) less what the zygote had reaped before the job, read from /proc: the
    kernel's accounting, which the sandboxed code cannot change. Elsewhere: the runner's
    processes through psutil."""
    if isinstance(runner, backends.LinuxRunner):
        from grader.sandbox import procs

        worker = runner.worker

        # the zygote's pid and what it had reaped before the job; a zygote (re)started for
        # the job has reaped nothing before it
        before: dict[int, float] = {}
        if worker.alive and worker.process is not None:
            before[worker.process.pid] = procs.tree_cpu_s(worker.process.pid)

        def measure_tree() -> float:
            process = worker.process
            if process is None or process.poll() is not None:
                return 0.0
            return procs.tree_cpu_s(process.pid) - before.get(process.pid, 0.0)

        return measure_tree

    def measure_processes() -> float:
        import psutil

        total = 0.0
        for pid in runner.processes():
            with contextlib.suppress(psutil.Error):
                t = psutil.Process(pid).cpu_times()
                total += t.user + t.system + t.children_user + t.children_system
        return total

    return measure_processes

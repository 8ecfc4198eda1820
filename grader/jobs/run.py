"""A plain run: the file, then the prompt's examples (the editor's ctrl+r); no hidden tests."""

from __future__ import annotations

import time

from grader.inside import examples
from grader.jobs.base import Job, run_failure
from grader.jobs.shared import Shared
from grader.text import Text, as_text
from grader.verdict.result import ErrorKind, GradeResult, RunResult
from grader.workers.backends import Runner
from grader.workers.exchange import RunSpec


class RunJob(Job):
    kind = "run"

    def execute(self, shared: Shared, runner: Runner, wake_r: int) -> GradeResult | RunResult:
        started = time.monotonic()
        task = self.task
        spec = RunSpec(
            mode="run",
            source=self.source,
            task_id=task.id if task else "",
            time_limit_s=self.limits.time_s,
            memory_mb=self.limits.memory_mb,
            hidden_paths=shared.hidden_paths(task),
            example=examples.encode(examples.parse(str(getattr(task, "prompt", "") or ""))),
            name=self.name or "",
        )
        outcome = runner.run(spec, wake_r, self.handle.cancelled)
        problem = outcome.problem()
        error, kind = (problem.text, problem.kind) if problem else (None, None)
        notes: list[Text] = []
        if outcome.run_done is not None and problem is None:
            reported = outcome.run_done.get("error")
            error = None if reported is None else as_text(reported)
            kind = "submission" if error else None
            notes = examples.notes_of(outcome.run_done.get("notes"))
        return RunResult(
            task=task.id if task else None,
            ok=error is None,
            error=error,
            error_kind=kind,
            stdout=outcome.stdout.text(),
            stderr=outcome.stderr.text(),
            duration_s=round(time.monotonic() - started, 3),
            notes=notes,
        )

    def failure(self, error: Text, kind: ErrorKind = "internal") -> GradeResult | RunResult:
        return run_failure(self.task, error, kind)

"""A training task: train in the sandbox, judge here (``smoke``: the editor's quick run)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from grader.jobs import training
from grader.jobs.base import Job, run_failure
from grader.jobs.shared import Shared
from grader.text import Text
from grader.verdict.result import ErrorKind, GradeResult, RunResult
from grader.workers.backends import Runner
from grader.workers.exchange import RunSpec


@dataclass
class TrainJob(Job):
    smoke: bool = False

    kind = "train"

    def execute(self, shared: Shared, runner: Runner, wake_r: int) -> GradeResult | RunResult:
        task = cast(Any, self.task)  # a training task (training.TrainingTask)
        conversation = training.Conversation(
            training.load_inputs(task),
            requires=list(getattr(task, "requires", [])),
            forbids=list(getattr(task, "forbids", [])),
            smoke=self.smoke,
        )
        spec = RunSpec(
            mode="train",
            source=self.source,
            task_id=task.id,
            time_limit_s=self.limits.time_s,
            memory_mb=self.limits.memory_mb,
            hidden_paths=shared.hidden_paths(task),
            cpu_limit_s=self.limits.cpu_s,
            conversation=conversation,
            name=self.name or "",
        )
        outcome = runner.run(spec, wake_r, self.handle.cancelled)
        if self.smoke:
            return training.smoke_result(task, outcome, conversation)
        result = training.verdict(task, outcome, conversation)
        if self.show_output:
            result = result.model_copy(update={"output": outcome.output()})
        return result

    def failure(self, error: Text, kind: ErrorKind = "internal") -> GradeResult | RunResult:
        if self.smoke:
            return run_failure(self.task, error, kind)
        return super().failure(error, kind)

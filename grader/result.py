"""What grading returns: plain pydantic models the store saves and the CLI prints as they are."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class CheckResult(BaseModel):
    """One hidden check: passed or not, and why not."""

    model_config = ConfigDict(frozen=True)

    name: str
    passed: bool
    message: str = ""
    points: float
    max_points: float


class GradeResult(BaseModel):
    """The verdict on one submission for one task.

    ``score`` is the sum of the points of the passed checks, scaled so that
    ``max_score`` equals the task's ``points``. ``passed`` means every check
    passed and nothing went wrong. ``error`` says why the submission could not
    be run (or finished) at all: syntax error, time or memory limit, crash.
    ``stdout``/``stderr`` are what the submission printed, capped.
    """

    model_config = ConfigDict(frozen=True)

    task: str
    passed: bool
    score: float
    max_score: float
    checks: list[CheckResult]
    error: str | None = None
    duration_s: float
    stdout: str = ""
    stderr: str = ""


class RunResult(BaseModel):
    """The outcome of running code without grading it (the editor's "run only")."""

    model_config = ConfigDict(frozen=True)

    task: str | None = None
    ok: bool
    error: str | None = None
    stdout: str = ""
    stderr: str = ""
    duration_s: float

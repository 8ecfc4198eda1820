"""The verdict, decided in the app's process from plain data only.

The reference run's checks define what is graded: their names, order,
points, comparison rules (exact, within a tolerance, tensor) and wording. The
submission's observations are compared with them one by one; a check passes
when it ran without error and every observation matches. Nothing the
submission reports can add a check, change points or loosen a tolerance.
The submission's frames are untrusted: any shape this module does not expect
fails the check (or the run) instead of raising.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .compare import compare
from .outcome import Outcome
from .result import CheckResult, GradeResult


class ReferenceBroken(Exception):
    """The task's reference solution does not pass its own hidden tests (a bank bug)."""


@dataclass(frozen=True)
class Reference:
    """What the reference solution showed: the checks to grade against and its exports."""

    checks: list[dict[str, Any]]
    exports: dict[str, Any]

    @property
    def total_points(self) -> float:
        return sum(float(c["points"]) for c in self.checks)


def reference_from(outcome: Outcome) -> Reference:
    error = outcome.error()
    if error:
        raise ReferenceBroken(f"the reference solution could not be run: {error}")
    for check in outcome.checks:
        if check.get("error"):
            raise ReferenceBroken(
                f"the reference solution fails its check {check['name']!r}: {check['error']}"
            )
    assert outcome.done is not None
    if not outcome.checks:
        raise ReferenceBroken("the hidden tests define no checks")
    exports = outcome.done.get("exports") or {}
    return Reference(checks=list(outcome.checks), exports=dict(exports))


# -- the verdict ---------------------------------------------------------------


def _check_message(ref_check: dict[str, Any], got: dict[str, Any]) -> str | None:
    error = got.get("error")
    if error is not None:
        return str(error)[:1000] if isinstance(error, str) else "the check failed"
    observations = got.get("observations")
    if not isinstance(observations, list):
        return "the check reported nothing"
    ref_observations = ref_check.get("observations") or []
    for i, ref_obs in enumerate(ref_observations):
        message = compare(ref_obs, observations[i] if i < len(observations) else None)
        if message:
            return message
    if len(observations) > len(ref_observations):
        return "the check reported more than it should"
    return None


def grade(task_id: str, max_score: float, reference: Reference, outcome: Outcome) -> GradeResult:
    """Compare one submission's run with the reference and score it."""
    error = outcome.error()
    got_by_name: dict[str, dict[str, Any]] = {}
    for check in outcome.checks:
        if isinstance(check, dict) and isinstance(check.get("name"), str):
            got_by_name.setdefault(check["name"], check)
    stopped_by = outcome.done.get("stopped_by") if outcome.done else None
    if (
        error is None
        and outcome.done is not None
        and not isinstance(stopped_by, str)
        and any(str(c["name"]) not in got_by_name for c in reference.checks)
    ):
        error = "the program tampered with the grader (its report is incomplete)"
    total = reference.total_points
    results: list[CheckResult] = []
    for ref_check in reference.checks:
        name = str(ref_check["name"])
        max_points = max_score * float(ref_check["points"]) / total if total else 0.0
        got = got_by_name.get(name)
        if got is None:
            if error:
                message = f"not run: {error}"
            elif isinstance(stopped_by, str):
                message = f"not run: {stopped_by!r} failed"
            else:
                message = "not run"
        else:
            try:
                message = _check_message(ref_check, got) or ""
            except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
                message = "the check's report is malformed"  # only a forged report gets here
        passed = not message
        results.append(
            CheckResult(
                name=name,
                passed=passed,
                message=message,
                points=round(max_points if passed else 0.0, 4),
                max_points=round(max_points, 4),
            )
        )
    score = round(sum(r.points for r in results), 2)
    all_passed = error is None and all(r.passed for r in results)
    return GradeResult(
        task=task_id,
        passed=all_passed,
        score=min(score, max_score),
        max_score=max_score,
        checks=results,
        error=error,
        duration_s=round(outcome.duration_s, 3),
        stdout=outcome.stdout.text(),
        stderr=outcome.stderr.text(),
    )

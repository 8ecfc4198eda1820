"""The training tasks' leaderboard: each profile's best attempt per task, ranked.

Every profile of the database takes part: on the default SQLite file the
profiles of this machine, on a shared PostgreSQL database a whole class.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .database import Database
from .models import Profile, TaskSubmissionRow


@dataclass(frozen=True)
class Standing:
    """One leaderboard row: a profile's best attempt on a task."""

    task: str
    rank: int
    profile: str
    metric: float
    cpu_s: float | None
    parameters: int | None
    at: datetime
    metric_name: str = "accuracy"

    def json_row(self) -> dict[str, object]:
        """The ``quizapp leaderboard --json`` row (training-tasks.md)."""
        return {
            "task": self.task,
            "rank": self.rank,
            "profile": self.profile,
            "metric": self.metric,
            "cpu_s": self.cpu_s,
            "parameters": self.parameters,
            "at": self.at.isoformat(),
            "metric_name": self.metric_name,
        }


# Metrics where a lower value ranks first (training-tasks.md: RMSLE).
LOWER_IS_BETTER = frozenset({"rmsle"})


def leaderboard(
    db: Database, task_id: str | None = None, metrics: Mapping[str, str] | None = None
) -> list[Standing]:
    """Per task (by id), every profile's best metric, best first; ties go to the earlier attempt.

    ``metrics`` names each task's metric (``accuracy`` when not given): the best of a
    lower-is-better metric (``rmsle``) is its lowest value.
    """
    names = metrics or {}

    def work(session: Session) -> list[Standing]:
        query = (
            select(
                TaskSubmissionRow.task_id,
                Profile.name,
                TaskSubmissionRow.metric,
                TaskSubmissionRow.cpu_s,
                TaskSubmissionRow.parameters,
                TaskSubmissionRow.submitted_at,
                TaskSubmissionRow.id,
            )
            .join(Profile, Profile.id == TaskSubmissionRow.profile_id)
            .where(TaskSubmissionRow.metric.is_not(None))
            .order_by(
                TaskSubmissionRow.task_id, TaskSubmissionRow.submitted_at, TaskSubmissionRow.id
            )
        )
        if task_id is not None:
            query = query.where(TaskSubmissionRow.task_id == task_id)
        found = [row for row in session.execute(query) if row[2] is not None]

        def order(row: tuple[object, ...]) -> tuple[object, ...]:
            task, metric = str(row[0]), float(row[2])  # type: ignore[arg-type]
            lower = names.get(task, "accuracy") in LOWER_IS_BETTER
            return (task, metric if lower else -metric, row[5], row[6])

        rows: list[Standing] = []
        seen: set[tuple[str, str]] = set()
        ranks: dict[str, int] = {}
        for task, profile, metric, cpu_s, parameters, at, _ in sorted(found, key=order):
            if metric is None or (task, profile) in seen:
                continue  # this profile's best attempt is already listed
            seen.add((task, profile))
            ranks[task] = ranks.get(task, 0) + 1
            name = names.get(task, "accuracy")
            rows.append(Standing(task, ranks[task], profile, metric, cpu_s, parameters, at, name))
        return rows

    return db.read(work)

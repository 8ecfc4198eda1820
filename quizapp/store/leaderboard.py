"""The training tasks' leaderboard: each profile's best attempt per task, ranked.

Every profile of the database takes part: on the default SQLite file the
profiles of this machine, on a shared PostgreSQL database a whole class.
"""

from __future__ import annotations

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
        }


def leaderboard(db: Database, task_id: str | None = None) -> list[Standing]:
    """Per task (by id), every profile's best metric, best first; ties go to the earlier attempt."""

    def work(session: Session) -> list[Standing]:
        query = (
            select(
                TaskSubmissionRow.task_id,
                Profile.name,
                TaskSubmissionRow.metric,
                TaskSubmissionRow.cpu_s,
                TaskSubmissionRow.parameters,
                TaskSubmissionRow.submitted_at,
            )
            .join(Profile, Profile.id == TaskSubmissionRow.profile_id)
            .where(TaskSubmissionRow.metric.is_not(None))
            .order_by(
                TaskSubmissionRow.task_id,
                TaskSubmissionRow.metric.desc(),
                TaskSubmissionRow.submitted_at,
                TaskSubmissionRow.id,
            )
        )
        if task_id is not None:
            query = query.where(TaskSubmissionRow.task_id == task_id)
        rows: list[Standing] = []
        seen: set[tuple[str, str]] = set()
        ranks: dict[str, int] = {}
        for task, profile, metric, cpu_s, parameters, at in session.execute(query):
            if metric is None or (task, profile) in seen:
                continue  # this profile's best attempt is already listed
            seen.add((task, profile))
            ranks[task] = ranks.get(task, 0) + 1
            rows.append(Standing(task, ranks[task], profile, metric, cpu_s, parameters, at))
        return rows

    return db.read(work)

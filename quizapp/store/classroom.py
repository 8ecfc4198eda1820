"""Queries across every profile of a shared store, for the teacher's class report.

Each is one aggregate over an index the per-profile queries already use, so a
class report costs a handful of queries, not a handful per student; the
per-student numbers that exist for one profile (retention, mastery, exam
attempts) are asked of that profile's :class:`~quizapp.store.Store` instead.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from .database import Database
from .models import ExamAttemptRow, Profile, ReviewLogRow, TaskSubmissionRow
from .store import Store
from .tallies import count_where, is_wrong


@dataclass(frozen=True)
class CardTally:
    """Every answer to one card across the class: how many, how many missed, by how many."""

    card_id: str
    kind: str
    answers: int
    wrong: int
    students: int

    @property
    def success(self) -> float:
        return (self.answers - self.wrong) / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class Verdict:
    """A profile's latest graded submission of one task (the grader's stored result)."""

    profile_id: int
    task_id: str
    result: dict[str, Any]


class Classroom:
    """Every profile of one database, read together."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def profiles(self) -> list[tuple[int, str]]:
        """``(id, name)`` of every profile, by name."""
        query = select(Profile.id, Profile.name).order_by(Profile.name)
        return self.db.query(lambda conn: [(r.id, r.name) for r in conn.execute(query)])

    def store(self, profile_id: int, name: str) -> Store:
        """One profile's store on this database (closing the classroom closes it too)."""
        return Store(self.db, name, profile_id)

    def last_activity(self) -> dict[int, datetime]:
        """Each profile's latest review, submission or exam start."""
        queries = [
            select(table.profile_id, func.max(column)).group_by(table.profile_id)
            for table, column in (
                (ReviewLogRow, ReviewLogRow.reviewed_at),
                (TaskSubmissionRow, TaskSubmissionRow.submitted_at),
                (ExamAttemptRow, ExamAttemptRow.started_at),
            )
        ]

        def work(conn: Connection) -> dict[int, datetime]:
            latest: dict[int, datetime] = {}
            for query in queries:
                for profile_id, moment in conn.execute(query):
                    if moment is not None and (
                        profile_id not in latest or moment > latest[profile_id]
                    ):
                        latest[profile_id] = moment
            return latest

        return self.db.query(work)

    def best_scores(self) -> dict[int, dict[str, tuple[float, float]]]:
        """``{profile id: {task id: (best score, max score)}}`` over every submission."""
        sub = TaskSubmissionRow
        query = select(
            sub.profile_id, sub.task_id, func.max(sub.score), func.max(sub.max_score)
        ).group_by(sub.profile_id, sub.task_id)

        def work(conn: Connection) -> dict[int, dict[str, tuple[float, float]]]:
            found: dict[int, dict[str, tuple[float, float]]] = defaultdict(dict)
            for profile_id, task_id, best, most in conn.execute(query):
                found[profile_id][task_id] = (float(best), float(most))
            return dict(found)

        return self.db.query(work)

    def latest_verdicts(self) -> list[Verdict]:
        """Each profile's latest submission of each task it submitted."""
        sub = TaskSubmissionRow
        latest = (
            select(func.max(sub.id).label("id")).group_by(sub.profile_id, sub.task_id).subquery()
        )
        query = select(sub.profile_id, sub.task_id, sub.result).where(
            sub.id.in_(select(latest.c.id))
        )

        def work(conn: Connection) -> list[Verdict]:
            return [Verdict(p, t, dict(r)) for p, t, r in conn.execute(query)]

        return self.db.query(work)

    def card_tallies(self) -> list[CardTally]:
        """Every answered card with its class-wide answers, misses and students."""
        log = ReviewLogRow
        query = select(
            log.card_id,
            func.min(log.kind),
            func.count(),
            count_where(is_wrong(log)),
            func.count(func.distinct(log.profile_id)),
        ).group_by(log.card_id)

        def work(conn: Connection) -> list[CardTally]:
            return [
                CardTally(card_id, kind, int(n), int(wrong), int(students))
                for card_id, kind, n, wrong, students in conn.execute(query)
            ]

        return self.db.query(work)

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Classroom:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

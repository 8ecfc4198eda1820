"""The progress store of one profile: reviews, practice, exams and the profile's settings."""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType

from ..clock import Clock
from .database import Database
from .exams import Exams
from .leaderboard import Standing, leaderboard
from .practice import Practice
from .profiles import Profiles
from .reviews import Reviews


class Store:
    """Opened by :func:`quizapp.store.open_store`; close it (or use ``with``) when done."""

    def __init__(self, db: Database, profile: str, profile_id: int) -> None:
        self.db = db
        self.profile = profile
        self.profile_id = profile_id
        self.reviews = Reviews(db, profile_id)
        self.practice = Practice(db, profile_id)
        self.exams = Exams(db, profile_id)
        self.profiles = Profiles(db, profile_id)

    def leaderboard(
        self, task_id: str | None = None, metrics: Mapping[str, str] | None = None
    ) -> list[Standing]:
        """Every profile's best training attempt per task, ranked (all profiles of the database);
        ``metrics``: each task's metric name, for its direction (lowest RMSLE first)."""
        return leaderboard(self.db, task_id, metrics)

    @property
    def clock(self) -> Clock:
        return self.db.clock

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

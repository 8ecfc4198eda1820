"""Review counts per period, for the statistics plots (reviews per day, retention per week).

One aggregate query per period, each a range of the ``(profile_id, reviewed_at)``
index, all in one transaction: a profile with a million log entries costs only
the entries inside the plotted window, and the database returns a handful of
numbers instead of rows. Period boundaries come from the caller (study days
start at 04:00 local time, which no SQL date function knows).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from sqlalchemy import ColumnElement, Connection, and_, bindparam, case, func, or_, select

from .database import Database
from .models import ReviewLogRow

AGAIN = 1
REVIEW_STATE = 2


@dataclass(frozen=True)
class Tally:
    """The review log of one period ``[start, end)``.

    ``wrong`` counts answers checked wrong and ratings of Again; ``mature`` the
    reviews of cards that were already in the review state (learning steps left
    out, as Anki's "true retention"), ``recalled`` those of them not rated Again.
    """

    start: datetime
    end: datetime
    reviews: int
    wrong: int
    mature: int
    recalled: int

    @property
    def right(self) -> int:
        return self.reviews - self.wrong

    @property
    def retention(self) -> float | None:
        return self.recalled / self.mature if self.mature else None


def count_where(flag: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows of the group have ``flag`` (0, not NULL, for none)."""
    return func.coalesce(func.sum(case((flag, 1), else_=0)), 0)


def is_wrong(log: type[ReviewLogRow] = ReviewLogRow) -> ColumnElement[bool]:
    """A log entry that counts as a miss: an answer checked wrong, or a rating of Again."""
    return or_(log.rating == AGAIN, log.correct.is_(False))


def tally_periods(db: Database, profile_id: int, bounds: Sequence[datetime]) -> list[Tally]:
    """A :class:`Tally` for each period ``[bounds[i], bounds[i+1])``; bounds ascending."""
    if any(a >= b for a, b in pairwise(bounds)):
        raise ValueError("period bounds must be strictly ascending")
    log = ReviewLogRow
    mature = log.prev_state == REVIEW_STATE
    query = select(
        func.count(),
        count_where(is_wrong(log)),
        count_where(mature),
        count_where(and_(mature, log.rating > AGAIN)),
    ).where(
        log.profile_id == profile_id,
        log.reviewed_at >= bindparam("start"),
        log.reviewed_at < bindparam("end"),
    )

    def work(conn: Connection) -> list[Tally]:
        found = []
        for start, end in pairwise(bounds):
            row = conn.execute(query, {"start": start, "end": end}).one()
            found.append(Tally(start, end, *(int(n) for n in row)))
        return found

    return db.query(work)

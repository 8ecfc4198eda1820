"""Card states and the review log of one profile: record, undo, and the queries behind
the due queue, the mistakes list and the statistics.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from sqlalchemy import Connection, bindparam, case, delete, func, or_, select
from sqlalchemy.orm import Session

from .database import Database
from .models import CardRow, ReviewLogRow
from .records import AppliedReview, CardProgress, ReviewEntry, ReviewRequest, Schedule
from .tallies import Tally, tally_periods

AGAIN = 1
REVIEW_STATE = 2

Compute = Callable[[Schedule | None], Schedule]


def _schedule(row: CardRow) -> Schedule:
    return Schedule(row.state, row.step, row.stability, row.difficulty, row.due, row.last_review)


_CARD_COLUMNS = (
    CardRow.card_id,
    CardRow.kind,
    CardRow.state,
    CardRow.step,
    CardRow.stability,
    CardRow.difficulty,
    CardRow.due,
    CardRow.last_review,
    CardRow.introduced_at,
    CardRow.last_correct,
)


def _entry(row: ReviewLogRow) -> ReviewEntry:
    before = None
    if row.prev_due is not None:
        assert row.prev_state is not None
        before = Schedule(
            row.prev_state,
            row.prev_step,
            row.prev_stability,
            row.prev_difficulty,
            row.prev_due,
            row.prev_last_review,
        )
    return ReviewEntry(
        id=row.id,
        card_id=row.card_id,
        kind=row.kind,
        rating=row.rating,
        reviewed_at=row.reviewed_at,
        duration_ms=row.duration_ms,
        answer=row.answer,
        correct=row.correct,
        before=before,
        before_last_correct=row.prev_last_correct,
    )


def apply_review(
    session: Session, profile_id: int, request: ReviewRequest, compute: Compute
) -> AppliedReview:
    """Inside an open write transaction: read the card (locked), compute, write card and log."""
    row = session.scalars(
        select(CardRow)
        .where(CardRow.profile_id == profile_id, CardRow.card_id == request.card_id)
        .with_for_update()
    ).one_or_none()
    before = _schedule(row) if row is not None else None
    after = compute(before)
    last_correct = request.correct if request.correct is not None else request.rating > AGAIN
    log = ReviewLogRow(
        profile_id=profile_id,
        card_id=request.card_id,
        kind=request.kind,
        rating=request.rating,
        reviewed_at=request.reviewed_at,
        duration_ms=request.duration_ms,
        answer=request.answer,
        correct=request.correct,
        counts_new=request.counts_new,
    )
    if row is None:
        row = CardRow(
            profile_id=profile_id,
            card_id=request.card_id,
            kind=request.kind,
            introduced_at=request.reviewed_at,
        )
        session.add(row)
    else:
        log.prev_state = row.state
        log.prev_step = row.step
        log.prev_stability = row.stability
        log.prev_difficulty = row.difficulty
        log.prev_due = row.due
        log.prev_last_review = row.last_review
        log.prev_last_correct = row.last_correct
    row.state = after.state
    row.step = after.step
    row.stability = after.stability
    row.difficulty = after.difficulty
    row.due = after.due
    row.last_review = after.last_review
    row.last_correct = last_correct
    session.add(log)
    session.flush()
    return AppliedReview(_entry(log), after)


class Reviews:
    """The review side of one profile's progress."""

    def __init__(self, db: Database, profile_id: int) -> None:
        self._db = db
        self._profile = profile_id

    # -- writing -----------------------------------------------------------------

    def apply(self, request: ReviewRequest, compute: Compute) -> AppliedReview:
        """Record one review in its own committed transaction.

        ``compute`` receives the card's current schedule (None for a new card)
        read under the write lock, so two instances reviewing the same card
        never lose an update.
        """
        return self._db.write(
            lambda s: apply_review(s, self._profile, request, compute), retry_conflicts=True
        )

    def undo(self, entry_id: int) -> ReviewEntry | None:
        """Revert one review: restore the card's previous state and delete the log entry.

        Only the card's latest entry can be undone (a later review of the same
        card, from this or another instance, built on it); returns None otherwise.
        """

        def work(session: Session) -> ReviewEntry | None:
            log = session.get(ReviewLogRow, entry_id)
            if log is None or log.profile_id != self._profile:
                return None
            latest = session.scalar(
                select(func.max(ReviewLogRow.id)).where(
                    ReviewLogRow.profile_id == self._profile,
                    ReviewLogRow.card_id == log.card_id,
                )
            )
            if latest != log.id:
                return None
            entry = _entry(log)
            row = session.scalars(
                select(CardRow)
                .where(CardRow.profile_id == self._profile, CardRow.card_id == log.card_id)
                .with_for_update()
            ).one_or_none()
            if entry.before is None:
                if row is not None:
                    session.delete(row)
            elif row is not None:
                row.state = entry.before.state
                row.step = entry.before.step
                row.stability = entry.before.stability
                row.difficulty = entry.before.difficulty
                row.due = entry.before.due
                row.last_review = entry.before.last_review
                row.last_correct = bool(log.prev_last_correct)
            session.execute(delete(ReviewLogRow).where(ReviewLogRow.id == log.id))
            return entry

        return self._db.write(work)

    # -- cards -------------------------------------------------------------------

    def card(self, card_id: str) -> CardProgress | None:
        found = self.cards([card_id])
        return found.get(card_id)

    def cards(self, card_ids: Iterable[str] | None = None) -> dict[str, CardProgress]:
        """Every card of the profile (or the given ones) by card id."""
        wanted = None if card_ids is None else list(card_ids)

        def work(conn: Connection) -> dict[str, CardProgress]:
            query = select(*_CARD_COLUMNS).where(CardRow.profile_id == self._profile)
            if wanted is not None:
                if not wanted:
                    return {}
                query = query.where(CardRow.card_id.in_(wanted))
            found = {}
            for r in conn.execute(query):
                schedule = Schedule(
                    r.state, r.step, r.stability, r.difficulty, r.due, r.last_review
                )
                found[r.card_id] = CardProgress(
                    r.card_id, r.kind, schedule, r.introduced_at, r.last_correct
                )
            return found

        return self._db.query(work)

    def due_ids(self, now: datetime, day_end: datetime) -> list[str]:
        """Card ids due now, earliest first: review-state cards due before ``day_end`` (due
        for the whole study day) and learning cards due by ``now``.

        One range scan of the ``(profile_id, due)`` index.
        """
        query = (
            select(CardRow.card_id)
            .where(
                CardRow.profile_id == self._profile,
                CardRow.due <= day_end,
                or_(CardRow.state == REVIEW_STATE, CardRow.due <= now),
            )
            .order_by(CardRow.due, CardRow.id)
        )
        return self._db.query(lambda conn: list(conn.execute(query).scalars()))

    def not_reviewed_since(self, moment: datetime, due_after: datetime) -> list[str]:
        """Card ids last reviewed before ``moment`` and due after ``due_after``, earliest first."""
        query = (
            select(CardRow.card_id)
            .where(
                CardRow.profile_id == self._profile,
                CardRow.last_review < moment,
                CardRow.due > due_after,
            )
            .order_by(CardRow.due, CardRow.id)
        )
        return self._db.query(lambda conn: list(conn.execute(query).scalars()))

    def seen_ids(self) -> set[str]:
        """Ids of every card the profile has answered (the rest of the bank is new)."""
        query = select(CardRow.card_id).where(CardRow.profile_id == self._profile)
        return self._db.query(lambda conn: set(conn.execute(query).scalars()))

    def introduced_since(self, moment: datetime) -> int:
        """How many cards were answered for the first time at or after ``moment`` and count
        against the new-card limit: log entries without a previous state, not a quiz's (a
        range of the ``(profile_id, reviewed_at)`` index)."""
        query = (
            select(func.count())
            .select_from(ReviewLogRow)
            .where(
                ReviewLogRow.profile_id == self._profile,
                ReviewLogRow.reviewed_at >= moment,
                ReviewLogRow.prev_due.is_(None),
                ReviewLogRow.counts_new.is_(True),
            )
        )
        return self._db.query(lambda conn: conn.execute(query).scalar() or 0)

    def mistakes(self) -> list[str]:
        """Card ids whose last answer was wrong, most recent first (the 오답노트)."""
        query = (
            select(CardRow.card_id)
            .where(CardRow.profile_id == self._profile, CardRow.last_correct.is_(False))
            .order_by(CardRow.last_review.desc(), CardRow.id.desc())
        )
        return self._db.query(lambda conn: list(conn.execute(query).scalars()))

    def durations(self, limit: int = 500) -> list[tuple[str, int]]:
        """``(card kind, milliseconds)`` of the last ``limit`` timed answers, newest first
        (the planner's minutes per card)."""
        query = (
            select(ReviewLogRow.kind, ReviewLogRow.duration_ms)
            .where(ReviewLogRow.profile_id == self._profile, ReviewLogRow.duration_ms.is_not(None))
            .order_by(ReviewLogRow.id.desc())
            .limit(limit)
        )
        return self._db.query(lambda conn: [(r[0], int(r[1] or 0)) for r in conn.execute(query)])

    # -- the log -----------------------------------------------------------------

    def entries(self, card_id: str | None = None, limit: int | None = None) -> list[ReviewEntry]:
        """Log entries, newest first, of one card or of the whole profile."""

        def work(session: Session) -> list[ReviewEntry]:
            query = select(ReviewLogRow).where(ReviewLogRow.profile_id == self._profile)
            if card_id is not None:
                query = query.where(ReviewLogRow.card_id == card_id)
            query = query.order_by(ReviewLogRow.id.desc())
            if limit is not None:
                query = query.limit(limit)
            return [_entry(row) for row in session.scalars(query)]

        return self._db.read(work)

    def count(self, since: datetime | None = None, until: datetime | None = None) -> int:
        """Log entries in ``[since, until)`` (all of them without bounds)."""

        def work(session: Session) -> int:
            query = (
                select(func.count())
                .select_from(ReviewLogRow)
                .where(ReviewLogRow.profile_id == self._profile)
            )
            if since is not None:
                query = query.where(ReviewLogRow.reviewed_at >= since)
            if until is not None:
                query = query.where(ReviewLogRow.reviewed_at < until)
            return session.scalar(query) or 0

        return self._db.read(work)

    def active_days(self, starts: list[datetime]) -> list[bool]:
        """For consecutive day boundaries ``starts[i] > starts[i+1]`` (newest first), whether
        there was a review in ``[starts[i], starts[i-1])``; stops at the first empty day.
        """
        first = (
            select(ReviewLogRow.id)
            .where(
                ReviewLogRow.profile_id == self._profile, ReviewLogRow.reviewed_at >= bindparam("a")
            )
            .limit(1)
        )
        between = (
            select(ReviewLogRow.id)
            .where(
                ReviewLogRow.profile_id == self._profile,
                ReviewLogRow.reviewed_at >= bindparam("a"),
                ReviewLogRow.reviewed_at < bindparam("b"),
            )
            .limit(1)
        )

        def work(conn: Connection) -> list[bool]:
            found: list[bool] = []
            end: datetime | None = None
            for start in starts:
                if end is None:
                    hit = conn.execute(first, {"a": start}).first() is not None
                else:
                    hit = conn.execute(between, {"a": start, "b": end}).first() is not None
                found.append(hit)
                if not hit:
                    break
                end = start
            return found

        return self._db.query(work)

    def retention(self, since: datetime) -> tuple[int, int]:
        """``(recalled, reviewed)``: reviews since ``since`` of cards that were in the review
        state (learning steps excluded, as Anki's "true retention"), and how many were not Again.
        """

        def work(session: Session) -> tuple[int, int]:
            recalled = func.sum(case((ReviewLogRow.rating > AGAIN, 1), else_=0))
            row = session.execute(
                select(func.count(), recalled).where(
                    ReviewLogRow.profile_id == self._profile,
                    ReviewLogRow.reviewed_at >= since,
                    ReviewLogRow.prev_state == REVIEW_STATE,
                )
            ).one()
            return int(row[1] or 0), int(row[0] or 0)

        return self._db.read(work)

    def tallies(self, bounds: Sequence[datetime]) -> list[Tally]:
        """Reviews, wrong answers and retention for each period ``[bounds[i], bounds[i+1])``:
        one aggregate per period over the ``(profile_id, reviewed_at)`` index."""
        return tally_periods(self._db, self._profile, bounds)

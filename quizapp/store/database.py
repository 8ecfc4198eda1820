"""Transactions: one short transaction per answer, retried when another writer holds the lock.

A write transaction takes SQLite's write lock at BEGIN (see :mod:`.engine`) and
waits up to the busy timeout for it. If a second app instance still holds it
after that, or PostgreSQL reports a serialization failure or deadlock, the
whole transaction is run again; the user only ever sees a :class:`StoreError`
after several attempts, never a driver's "database is locked".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from ..clock import Clock
from .engine import is_sqlite, write_engine
from .errors import StoreError

T = TypeVar("T")

WRITE_ATTEMPTS = 6
_RETRY_SQLSTATES = {"40001", "40P01"}  # serialization failure, deadlock detected
_LOCKED_WORDS = ("database is locked", "database table is locked", "busy")


def is_lock_conflict(exc: BaseException) -> bool:
    """True for errors that mean "another writer got there first; try again"."""
    if not isinstance(exc, OperationalError | DBAPIError):
        return False
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) in _RETRY_SQLSTATES:
        return True
    text = str(orig if orig is not None else exc).lower()
    return any(word in text for word in _LOCKED_WORDS)


def one_line(exc: BaseException) -> str:
    """The driver's message without SQLAlchemy's SQL and background-link lines."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class Database:
    """An engine plus the clock, with read and write transactions around callables."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock
        self.sqlite = is_sqlite(engine.url)
        self._writer = write_engine(engine)

    def read(self, work: Callable[[Session], T]) -> T:
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                return work(session)
        except SQLAlchemyError as exc:
            raise StoreError.say("store.read_failed", reason=one_line(exc)) from exc

    def query(self, work: Callable[[Connection], T]) -> T:
        """Like :meth:`read` on a Core connection: for the hot queries over many rows,
        where building ORM objects would cost more than the query."""
        try:
            with self.engine.connect() as conn, conn.begin():
                return work(conn)
        except SQLAlchemyError as exc:
            raise StoreError.say("store.read_failed", reason=one_line(exc)) from exc

    def write(self, work: Callable[[Session], T], *, retry_conflicts: bool = False) -> T:
        """Run ``work`` in one committed transaction.

        ``retry_conflicts`` also retries a unique-key violation: two instances
        inserting the same new row at once, where the loser must re-read.
        """
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with Session(self._writer, expire_on_commit=False) as session, session.begin():
                    return work(session)
            except IntegrityError as exc:
                if not retry_conflicts or attempt == WRITE_ATTEMPTS - 1:
                    raise StoreError.say("store.save_failed", reason=one_line(exc)) from exc
            except SQLAlchemyError as exc:
                if not is_lock_conflict(exc):
                    raise StoreError.say("store.save_failed", reason=one_line(exc)) from exc
                if attempt == WRITE_ATTEMPTS - 1:
                    raise StoreError.say("store.busy") from exc
            time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def dispose(self) -> None:
        self.engine.dispose()

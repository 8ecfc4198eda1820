"""Engines with the settings the store relies on.

SQLite: WAL (readers never block the writer), a busy timeout (a second app
instance waits for the lock instead of failing), foreign keys on, and
``synchronous=FULL`` so that a committed answer survives even a power cut.
Transactions are begun by us, not by the ``sqlite3`` module: a write
transaction starts with ``BEGIN IMMEDIATE`` so that it takes the write lock up
front and never has to upgrade a read lock (the upgrade is what produces
"database is locked" even with a busy timeout).
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url

BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "quizapp_write"


def is_sqlite(url: URL | str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: URL | str, **kwargs: Any) -> Engine:
    """An engine for ``url``; SQLite gets the pragmas and the BEGIN handling above."""
    url = make_url(url)
    if not is_sqlite(url):
        kwargs.setdefault("pool_pre_ping", True)
        return create_engine(url, **kwargs)
    connect_args = dict(kwargs.pop("connect_args", {}))
    connect_args.setdefault("timeout", BUSY_TIMEOUT_MS / 1000)
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def write_engine(engine: Engine) -> Engine:
    """The same engine, marked so that its transactions take the write lock at BEGIN."""
    return engine.execution_options(**{WRITE_OPTION: True})


def _switch_to_wal(cursor: Any) -> None:
    """``PRAGMA journal_mode = WAL``, waiting for a second instance that is doing the same.

    Changing the journal mode of a new file needs an exclusive lock, and SQLite
    reports "database is locked" at once (without the busy handler) when
    another connection is in the middle of it; so wait here, up to the timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    write = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

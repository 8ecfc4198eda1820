"""Opening the progress store: the data folder, the file checks, the upgrade and the profile.

Everything a user can get wrong here — a data folder that cannot be written,
a file that is not a database, a database from a newer quizapp, a server that
does not answer, a missing driver — becomes a one-line :class:`StoreError`,
and nothing is written to a file or database that is not ours or not
understood.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from ..clock import Clock, utc_now
from .backup import DamagedStore, daily_backup, damage
from .database import WRITE_ATTEMPTS, Database, is_lock_conflict, one_line
from .engine import make_engine, write_engine
from .errors import StoreError
from .profiles import check_profile_name, ensure_profile
from .schema import VERSION_TABLE, check_known, is_current, upgrade
from .store import Store

if TYPE_CHECKING:
    from ..settings import Settings

SQLITE_HEADER = b"SQLite format 3\x00"


def describe(url: URL) -> str:
    """The URL as it may be shown: without the password."""
    if url.get_backend_name() == "sqlite":
        return url.database or "an in-memory SQLite database"
    return url.render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    """The file of an SQLite URL (None for an in-memory database)."""
    database = url.database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return None
    if url.query.get("uri") in ("true", "1") or database.startswith("file:"):
        database = database.removeprefix("file:").split("?", 1)[0]
        if not database or "mode=memory" in (url.database or ""):
            return None
    return Path(database).expanduser()


def prepare_folder(folder: Path) -> None:
    """Create the data folder, or say in one line why it cannot hold the store."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise StoreError.say("store.folder_is_file", folder=folder) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise StoreError.say("store.folder_uncreatable", folder=folder, reason=reason) from None
    if not folder.is_dir():
        raise StoreError.say("store.folder_not_folder", folder=folder)
    # SQLite writes its -wal and -shm files beside the database: the folder itself must
    # take new files. Try it (permission bits alone say nothing to root or on read-only mounts).
    try:
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".quizapp-write-test-")
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise StoreError.say("store.folder_unwritable", folder=folder, reason=reason) from None


def inspect_sqlite_file(path: Path) -> None:
    """Refuse, without writing to it, a file that is not an SQLite quizapp store."""
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError.say("store.path_is_folder", path=path)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError.say(
            "store.unreadable_file", path=path, reason=exc.strerror or exc
        ) from None
    if not header:
        return  # an empty file is an empty database
    if header != SQLITE_HEADER:
        raise StoreError.say("store.not_sqlite", path=path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revisions: tuple[str, ...] = ()
            if VERSION_TABLE in tables:
                revisions = tuple(
                    r[0] for r in conn.execute(f"SELECT version_num FROM {VERSION_TABLE}")
                )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc):
            raise DamagedStore(path, str(exc)) from None
        raise StoreError.say("store.unreadable_store", path=path, reason=exc) from None
    foreign = sorted(tables - {"sqlite_sequence"})
    if VERSION_TABLE not in tables and foreign:
        raise StoreError.say("store.foreign", path=path, tables=", ".join(foreign[:3]))
    check_known(revisions, str(path))
    if not os.access(path, os.W_OK):
        raise StoreError.say("store.read_only", path=path)


def create_engine_for(url: URL, **kwargs: Any) -> Engine:
    try:
        return make_engine(url, **kwargs)
    except (NoSuchModuleError, ModuleNotFoundError, ImportError) as exc:
        raise StoreError.say(
            "store.no_driver", driver=url.drivername, reason=one_line(exc)
        ) from None
    except (ArgumentError, ValueError, TypeError) as exc:
        raise StoreError.say("store.bad_url", url=describe(url), reason=one_line(exc)) from None


def open_store(settings: Settings, *, clock: Clock = utc_now, safety: bool = False) -> Store:
    """The store of ``settings.profile`` at ``settings.database_url`` (default: SQLite in
    the data folder). ``safety`` (the app's start): an SQLite file is checked for damage
    first and backed up once a day (:mod:`.backup`)."""
    if safety:
        guard_sqlite(settings.database_url, clock)
    return open_url(settings.database_url, settings.profile, clock=clock)


def guard_sqlite(url: str, clock: Clock) -> None:
    """A damaged SQLite store stops here with how to restore it; a sound one gets its daily
    backup (a full disk or a locked folder does not stop studying)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # said by open_database
    path = sqlite_path(parsed) if parsed.get_backend_name() == "sqlite" else None
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return
    problem = damage(path)
    if problem is not None:
        raise DamagedStore(path, problem)
    with contextlib.suppress(OSError, sqlite3.Error):
        daily_backup(path, clock().date())


def open_url(
    url: str | URL, profile: str, *, clock: Clock = utc_now, **engine_kwargs: Any
) -> Store:
    """Open (creating or upgrading as needed) the store at ``url`` for ``profile``.

    An SQLite file's folder is created first. The upgrade runs in one write
    transaction: two instances starting together upgrade once.
    """
    name = check_profile_name(profile)
    db = open_database(url, clock=clock, **engine_kwargs)
    try:
        profile_id = ensure_profile(db, name)
    except BaseException:
        db.dispose()
        raise
    return Store(db, name, profile_id)


def open_database(url: str | URL, *, clock: Clock = utc_now, **engine_kwargs: Any) -> Database:
    """The database at ``url``, created or upgraded as needed, without choosing a profile
    (a teacher's view of every profile must not add one of its own)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError.say("store.not_url", url=str(url)) from None
    path = sqlite_path(parsed) if parsed.get_backend_name() == "sqlite" else None
    if path is not None:
        prepare_folder(path.parent)
        inspect_sqlite_file(path)
    engine = create_engine_for(parsed, **engine_kwargs)
    try:
        _upgrade(engine, parsed, describe(parsed))
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, clock)


def _upgrade(engine: Engine, url: URL, where: str) -> None:
    """Check the schema in a read transaction; only when it is behind, take the write lock
    and upgrade (checking again: another instance may have done it meanwhile)."""
    for attempt in range(WRITE_ATTEMPTS):
        try:
            with engine.connect() as conn, conn.begin():
                if is_current(conn, where):
                    return
            with write_engine(engine).begin() as conn:
                if url.get_backend_name() == "sqlite":
                    tables = set(inspect(conn).get_table_names())
                    if VERSION_TABLE not in tables and tables - {"sqlite_sequence"}:
                        raise StoreError.say("store.foreign_short", path=where)
                upgrade(conn, where)
            return
        except StoreError:
            raise
        except SQLAlchemyError as exc:
            if not is_lock_conflict(exc) or attempt == WRITE_ATTEMPTS - 1:
                raise _open_failure(url, where, exc) from None
            time.sleep(0.05 * (attempt + 1))


def _open_failure(url: URL, where: str, exc: SQLAlchemyError) -> StoreError:
    detail = one_line(exc)
    lowered = detail.lower()
    if url.get_backend_name() == "sqlite":
        if "readonly" in lowered or "read-only" in lowered:
            key = "store.open.read_only"
        elif "not a database" in lowered:
            key = "store.open.not_store"
        else:
            key = "store.open.failed"
    elif isinstance(exc, OperationalError):
        key = "store.open.unreachable"
    else:
        key = "store.open.unusable"
    return StoreError.say(key, path=where, reason=detail)

"""Schema versions: which Alembic revision a database is at, and upgrading it to ours.

The migrations ship inside the package (``quizapp/store/migrations``) and run
from code; no ``alembic.ini`` is needed. Alembic is imported only when a
database is not at :data:`HEAD_REVISION` already, which keeps every command
that opens an up-to-date store fast to start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from .errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

SCRIPT_LOCATION = "quizapp.store:migrations"
VERSION_TABLE = "alembic_version"
HEAD_REVISION = "0005"  # the newest file in migrations/versions (a test keeps them equal)
_PG_MIGRATION_LOCK = 0x71756977  # one upgrader at a time on a shared server


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def current_revisions(connection: Connection) -> tuple[str, ...]:
    if not inspect(connection).has_table(VERSION_TABLE):
        return ()
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))
    return tuple(sorted(str(r[0]) for r in rows))


def check_known(revisions: tuple[str, ...], where: str) -> None:
    """Raise a :class:`StoreError` for a revision this app does not know (a newer app wrote it)."""
    if not revisions or revisions == (HEAD_REVISION,):
        return
    from alembic.util.exc import CommandError

    scripts = script_directory()
    for revision in revisions:
        try:
            known = scripts.get_revision(revision)
        except CommandError:
            known = None
        if known is None:
            raise StoreError.say(
                "store.newer_schema", path=where, revision=revision, head=HEAD_REVISION
            )


def is_current(connection: Connection, where: str) -> bool:
    """True when the database is at our head; a StoreError when it is newer than this app."""
    current = current_revisions(connection)
    check_known(current, where)
    return current == (HEAD_REVISION,)


def upgrade(connection: Connection, where: str, target: str = "head") -> bool:
    """Bring the database to ``target`` inside the caller's transaction; True if it changed.

    The caller commits: a failed migration leaves the database as it was.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
    current = current_revisions(connection)
    check_known(current, where)
    wanted = HEAD_REVISION if target == "head" else target
    if current == (wanted,):
        return False
    from alembic import command

    command.upgrade(alembic_config(connection), target)
    return True

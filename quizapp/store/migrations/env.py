"""Alembic environment, usable programmatically (no alembic.ini at run time).

:mod:`quizapp.store.schema` passes an open connection, already inside the
transaction it will commit, in ``config.attributes["connection"]``; the whole
upgrade then commits or rolls back as one. For development commands such as
``alembic revision --autogenerate`` a URL in ``sqlalchemy.url`` works too.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from quizapp.store.engine import make_engine
from quizapp.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite can only ALTER through table copies
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("set config.attributes['connection'] or sqlalchemy.url")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            _run(conn)
            conn.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()

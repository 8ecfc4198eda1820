"""Alembic migrations: they build exactly the models' schema, an older database is
upgraded on open with everything in it kept, and a failed upgrade changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from quizapp.store import ReviewRequest, Schedule, StoreError, open_url
from quizapp.store.engine import make_engine, write_engine
from quizapp.store.models import Base
from quizapp.store.opening import sqlite_path
from quizapp.store.schema import (
    HEAD_REVISION,
    alembic_config,
    current_revisions,
    head_revision,
    upgrade,
)

T0 = datetime(2026, 3, 1, 12, 0)  # naive UTC, as stored


def _at_first_revision(url: str) -> None:
    path = sqlite_path(make_url(url)) if url.startswith("sqlite") else None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    with write_engine(engine).begin() as conn:
        upgrade(conn, url, target="0001")
    engine.dispose()


def test_the_head_constant_names_the_newest_migration() -> None:
    assert head_revision() == HEAD_REVISION


def test_the_migrations_create_exactly_the_models_schema(db_url: str) -> None:
    open_url(db_url, "kim").close()
    engine = make_engine(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert current_revisions(conn) == (head_revision(),)
    engine.dispose()
    assert diff == []


def test_a_database_at_the_first_migration_is_upgraded_with_its_data(db_url: str) -> None:
    _at_first_revision(db_url)
    engine = make_engine(db_url)
    with write_engine(engine).begin() as conn:
        assert current_revisions(conn) == ("0001",)
        assert "task_submissions" not in inspect(conn).get_table_names()
        conn.execute(
            text(
                "INSERT INTO profiles (id, name, created_at, exam_date, daily_new_limit) "
                "VALUES (1, 'kim', :t, NULL, 7)"
            ),
            {"t": T0},
        )
        conn.execute(
            text(
                "INSERT INTO cards (profile_id, card_id, kind, state, step, stability, difficulty, "
                "due, last_review, introduced_at, last_correct) VALUES "
                "(1, 'sa', 'written', 2, NULL, 3.5, 4.25, :due, :t, :t, :wrong)"
            ),
            {"t": T0, "due": datetime(2026, 3, 5, 12, 0), "wrong": False},
        )
        conn.execute(
            text(
                "INSERT INTO review_logs (profile_id, card_id, kind, rating, reviewed_at, "
                "duration_ms, answer, correct) VALUES (1, 'sa', 'written', 1, :t, 4200, 'sigmoid', :wrong)"
            ),
            {"t": T0, "wrong": False},
        )
    engine.dispose()

    with open_url(db_url, "kim") as store:
        assert store.profile_id == 1
        assert store.profiles.info().daily_new_limit == 7
        card = store.reviews.card("sa")
        assert card is not None
        assert card.schedule.stability == 3.5 and card.schedule.difficulty == 4.25
        assert card.schedule.due == datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
        assert store.reviews.mistakes() == ["sa"]
        [entry] = store.reviews.entries()
        assert (entry.answer, entry.correct, entry.duration_ms) == ("sigmoid", False, 4200)
        assert entry.reviewed_at == T0.replace(tzinfo=UTC)
        # the tables of the second migration work
        store.practice.save_draft("tk", "x = 1")
        assert store.practice.draft("tk") is not None
        with store.db.engine.connect() as conn:
            assert current_revisions(conn) == (head_revision(),)


def test_the_review_log_marker_keeps_old_first_answers_counting_and_downgrades(
    db_url: str,
) -> None:
    """0005: entries written before it count against the new-card limit (as they did); a
    quiz's first answer written after it does not; the downgrade drops the column."""
    path = sqlite_path(make_url(db_url)) if db_url.startswith("sqlite") else None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(db_url)
    with write_engine(engine).begin() as conn:
        upgrade(conn, db_url, target="0004")
        conn.execute(
            text(
                "INSERT INTO profiles (id, name, created_at, exam_date, daily_new_limit) "
                "VALUES (1, 'kim', :t, NULL, 7)"
            ),
            {"t": T0},
        )
        conn.execute(
            text(
                "INSERT INTO review_logs (profile_id, card_id, kind, rating, reviewed_at, "
                "duration_ms, answer, correct) VALUES (1, 'sa', 'written', 3, :t, 900, 'x', :ok)"
            ),
            {"t": T0, "ok": True},
        )
    engine.dispose()

    with open_url(db_url, "kim") as store:  # upgraded on open
        since = T0.replace(tzinfo=UTC) - timedelta(hours=1)
        assert store.reviews.introduced_since(since) == 1
        later = T0.replace(tzinfo=UTC) + timedelta(minutes=1)
        schedule = Schedule(2, None, 3.0, 5.0, later + timedelta(days=3), later)
        store.reviews.apply(ReviewRequest("tf", "written", 3, later), lambda _: schedule)
        quiz = ReviewRequest("num", "written", 3, later, counts_new=False)
        store.reviews.apply(quiz, lambda _: schedule)
        assert store.reviews.introduced_since(since) == 2  # sa and tf; the quiz's num does not

    engine = make_engine(db_url)
    with write_engine(engine).begin() as conn:
        assert current_revisions(conn) == ("0005",)
        command.downgrade(alembic_config(conn), "0004")
        columns = {c["name"] for c in inspect(conn).get_columns("review_logs")}
        assert "counts_new" not in columns and current_revisions(conn) == ("0004",)
        assert conn.execute(text("SELECT count(*) FROM review_logs")).scalar() == 3
    engine.dispose()


def test_a_failed_upgrade_leaves_the_database_as_it_was(db_url: str) -> None:
    _at_first_revision(db_url)
    engine = make_engine(db_url)
    with engine.begin() as conn:
        # a stray table that the second migration will try to create: it must fail
        conn.execute(text("CREATE TABLE exam_answers (id INTEGER PRIMARY KEY)"))
    engine.dispose()

    with pytest.raises(StoreError):
        open_url(db_url, "kim")

    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert current_revisions(conn) == ("0001",)
        tables = set(inspect(conn).get_table_names())
    engine.dispose()
    assert "task_submissions" not in tables  # created earlier in the same migration, rolled back
    assert "drafts" not in tables

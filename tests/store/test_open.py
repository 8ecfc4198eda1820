"""Opening the store: the data folder, SQLite settings, profiles, and every way opening
can fail — each a one-line StoreError that leaves the file or database untouched."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from quizapp.settings import Settings, resolve
from quizapp.store import StoreError, open_store, open_url
from quizapp.store.schema import head_revision
from tests.store.helpers import FakeClock, sqlite_url


def test_open_store_creates_the_data_folder_and_an_sqlite_file(isolated_home: Path) -> None:
    settings = resolve(profile="kim")
    assert settings.data_dir == isolated_home
    assert not isolated_home.exists()
    with open_store(settings) as store:
        assert store.profile == "kim"
        assert store.profiles.info().daily_new_limit == 20
    assert (isolated_home / "progress.db").is_file()


def test_sqlite_runs_in_wal_mode_with_busy_timeout_and_foreign_keys(tmp_path: Path) -> None:
    with open_url(sqlite_url(tmp_path / "p.db"), "kim") as store, store.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_reopening_keeps_the_schema_at_head_and_the_same_profile(db_url: str) -> None:
    with open_url(db_url, "kim") as store:
        first = store.profile_id
        with store.db.engine.connect() as conn:
            assert (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                == head_revision()
            )
    with open_url(db_url, "kim") as store:
        assert store.profile_id == first


def test_profiles_keep_their_progress_apart(db_url: str) -> None:
    from quizapp.store import ReviewRequest, Schedule

    clock = FakeClock()
    with open_url(db_url, "kim", clock=clock) as kim, open_url(db_url, "lee", clock=clock) as lee:
        assert kim.profile_id != lee.profile_id
        schedule = Schedule(2, None, 3.0, 5.0, clock.now, clock.now)
        kim.reviews.apply(ReviewRequest("sa", "written", 3, clock.now), lambda _: schedule)
        kim.practice.save_draft("tk", "print(1)")
        assert set(kim.reviews.cards()) == {"sa"}
        assert lee.reviews.cards() == {}
        assert lee.reviews.count() == 0
        assert lee.practice.draft("tk") is None
        assert sorted(lee.profiles.names()) == ["kim", "lee"]


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    content = b"these are my lecture notes, not a database\n" * 20
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        open_url(sqlite_url(path), "kim")
    message = str(caught.value)
    assert "not a quizapp progress store" in message and str(path) in message
    assert "\n" not in message
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.db"]  # no -wal, no -shm


def test_an_sqlite_database_of_another_program_is_refused_and_left_untouched(
    tmp_path: Path,
) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('kim')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"another program .*contacts"):
        open_url(sqlite_url(path), "kim")
    assert path.read_bytes() == before


def test_a_database_from_a_newer_quizapp_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    open_url(sqlite_url(path), "kim").close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        open_url(sqlite_url(path), "kim")
    assert "newer quizapp" in str(caught.value) and "0999_from_the_future" in str(caught.value)
    assert path.read_bytes() == before


def test_a_newer_schema_on_a_server_is_refused_too(db_url: str) -> None:
    open_url(db_url, "kim").close()
    with open_url(db_url, "kim") as store, store.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999_future'"))
    with pytest.raises(StoreError, match="newer quizapp"):
        open_url(db_url, "kim")


def test_a_data_folder_inside_a_file_gives_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings = Settings(data_dir=blocker / "data", profile="kim")
    with pytest.raises(StoreError, match=r"cannot create the data folder .*not-a-folder"):
        open_store(settings)


def test_a_data_folder_that_is_a_file_gives_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="is a file, not a folder"):
        open_url(sqlite_url(blocker / "progress.db"), "kim")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_a_read_only_data_folder_gives_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(StoreError, match="cannot be written"):
            open_url(sqlite_url(folder / "progress.db"), "kim")
    finally:
        folder.chmod(0o755)


def test_a_folder_where_nobody_can_write_gives_a_clear_message() -> None:
    # /proc takes no new files, even from root: a data folder that really cannot be written.
    with pytest.raises(StoreError, match="the data folder /proc cannot be written"):
        open_url("sqlite:////proc/progress.db", "kim")
    with pytest.raises(StoreError, match="cannot create the data folder /proc/quizapp"):
        open_url("sqlite:////proc/quizapp/progress.db", "kim")


def test_an_unreachable_server_gives_a_clear_message_without_the_password() -> None:
    url = "postgresql+psycopg://quizapp:s3cret@127.0.0.1:9/quizapp"
    with pytest.raises(StoreError) as caught:
        open_url(url, "kim", connect_args={"connect_timeout": 3})
    message = str(caught.value)
    assert message.startswith(
        "cannot reach the database server at postgresql+psycopg://quizapp:***@"
    )
    assert "s3cret" not in message
    assert "\n" not in message


def test_a_missing_driver_and_a_malformed_url_give_clear_messages() -> None:
    with pytest.raises(StoreError, match="no database driver for 'mysql\\+nosuchdriver'"):
        open_url("mysql+nosuchdriver://u@localhost/db", "kim")
    with pytest.raises(StoreError, match="not a database URL"):
        open_url("progress.db", "kim")


def test_an_empty_profile_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="profile name is empty"):
        open_url(sqlite_url(tmp_path / "p.db"), "  ")

"""The SQLite store's daily backup, damage detection and restore (quizapp.store.backup),
on real files: a store written through the app's own code, then damaged on disk."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.settings import resolve
from quizapp.store import StoreError, open_store
from quizapp.store.backup import (
    DamagedStore,
    backups,
    daily_backup,
    damage,
    restore_latest,
)

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def make_store(data: Path, rows: int = 400) -> Path:
    """A real progress store with a profile and a table big enough to span many pages."""
    settings = resolve(data_dir=str(data), lang="ko", profile="student")
    open_store(settings, clock=lambda: NOW).close()
    path = data / "progress.db"
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)")
            conn.executemany(
                "INSERT INTO filler (text) VALUES (?)", [("x" * 500,) for _ in range(rows)]
            )
    finally:
        conn.close()  # checkpointed into the file now, not whenever it is collected
    return path


def scribble(path: Path) -> None:
    """Damage the file as a bad disk or a killed copy would: garbage over the later pages
    (the header page stays, so SQLite still opens it)."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * 2048)


def test_the_first_start_of_a_day_backs_up_and_a_week_is_kept(tmp_path: Path) -> None:
    path = make_store(tmp_path)
    first = daily_backup(path, date(2026, 11, 2))
    assert first is not None and first.parent == tmp_path / "backups"
    assert daily_backup(path, date(2026, 11, 2)) is None  # once a day
    assert damage(first, full=True) is None
    with sqlite3.connect(first) as copy:
        assert copy.execute("SELECT count(*) FROM filler").fetchone() == (400,)
    for day in range(3, 12):
        daily_backup(path, date(2026, 11, day))
    kept = [day for day, _ in backups(path)]
    assert kept == [date(2026, 11, d) for d in range(11, 4, -1)]  # the last seven days


def test_a_damaged_store_is_detected_at_start_with_how_to_restore(tmp_path: Path) -> None:
    path = make_store(tmp_path)
    daily_backup(path, date(2026, 11, 1))
    scribble(path)
    assert damage(path, full=True) is not None
    settings = resolve(data_dir=str(tmp_path), lang="ko", profile="student")
    before = path.read_bytes()
    with pytest.raises(DamagedStore) as caught:
        open_store(settings, clock=lambda: NOW, safety=True)
    message = str(caught.value)
    assert "\n" not in message and "quizapp doctor --restore" in message
    assert "2026-11-01" in message and caught.value.backup_day == date(2026, 11, 1)
    assert path.read_bytes() == before  # not touched
    assert [day for day, _ in backups(path)] == [date(2026, 11, 1)]  # no backup of damage


def test_restore_puts_the_newest_backup_back_and_keeps_the_damaged_file(tmp_path: Path) -> None:
    path = make_store(tmp_path)
    daily_backup(path, date(2026, 11, 1))
    scribble(path)
    damaged = path.read_bytes()
    restored = restore_latest(path, datetime(2026, 11, 2, 9, 30))
    assert restored.day == date(2026, 11, 1)
    assert restored.damaged is not None and restored.damaged.read_bytes() == damaged
    assert damage(path, full=True) is None
    settings = resolve(data_dir=str(tmp_path), lang="ko", profile="student")
    open_store(settings, clock=lambda: NOW + timedelta(days=1), safety=True).close()
    again = restore_latest(path, datetime(2026, 11, 2, 9, 30))  # same second: a new name
    assert again.damaged is not None and again.damaged != restored.damaged
    assert restored.damaged.read_bytes() == damaged


def test_restore_without_a_backup_says_so(tmp_path: Path) -> None:
    path = make_store(tmp_path)
    with pytest.raises(StoreError, match="no backup"):
        restore_latest(path, datetime(2026, 11, 2))
    assert damage(path) is None

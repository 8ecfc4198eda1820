"""The SQLite progress store's safety net: a daily online backup, damage detection, restore.

- Once a day, the first time the store opens, a copy is taken with SQLite's online
  backup API (consistent even while another window writes) into ``backups/`` beside
  the database file: ``progress-YYYY-MM-DD.db``. Copies older than seven days go.
- A damaged file ("database disk image is malformed") is found by ``PRAGMA
  quick_check`` when the store opens and by ``PRAGMA integrity_check`` in
  ``quizapp doctor``; the message says how to restore, in one line.
- ``quizapp doctor --restore`` moves the damaged file aside (renamed, never
  overwritten or deleted) and puts the newest backup in its place.

A damaged database is never backed up: the good copies stay good.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from .errors import StoreError

KEEP_DAYS = 7
FOLDER = "backups"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<day>\d{4}-\d{2}-\d{2})\.db$")
RESTORE_HINT = "quizapp doctor --restore"


def backup_folder(path: Path) -> Path:
    return path.parent / FOLDER


def backups(path: Path) -> list[tuple[date, Path]]:
    """The backups of the database at ``path``, newest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match and match["stem"] == path.stem and entry.is_file():
            found.append((date.fromisoformat(match["day"]), entry))
    return sorted(found, reverse=True)


def damage(path: Path, *, full: bool = False) -> str | None:
    """What is wrong with the SQLite file at ``path`` (one line), or None when it is sound.
    ``full`` runs ``integrity_check`` (every index too), else the faster ``quick_check``."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(5)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if rows == ["ok"]:
        return None
    return "; ".join(rows[:2])


class DamagedStore(StoreError):
    """The SQLite file is damaged; ``backup_day`` is the newest backup's date (or None)."""

    def __init__(self, path: Path, problem: str) -> None:
        latest = backups(path)
        self.path = path
        self.problem = problem
        self.backup_day = latest[0][0] if latest else None
        if self.backup_day is not None:
            how = f"restore the backup of {self.backup_day.isoformat()} with `{RESTORE_HINT}`"
        else:
            how = "there is no backup yet; move the file away to start afresh"
        super().__init__(f"{path} is damaged ({problem}): {how} (the damaged file is kept)")
        if self.backup_day is not None:
            self.key = "fatal.damaged"
            self.values = {"path": path, "problem": problem, "day": self.backup_day.isoformat()}
        else:
            self.key = "fatal.damaged_no_backup"
            self.values = {"path": path, "problem": problem}


def daily_backup(path: Path, today: date) -> Path | None:
    """Today's backup of ``path`` if there is none yet (SQLite's online backup API, into a
    temporary file renamed into place); older than :data:`KEEP_DAYS` days are removed.
    Returns the new backup, or None when today's exists or the file is empty."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    folder = backup_folder(path)
    target = folder / f"{path.stem}-{today.isoformat()}.db"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".db.partial")
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
        os.replace(partial, target)
    else:
        target = None  # type: ignore[assignment]
    for day, old in backups(path):
        if day <= today - timedelta(days=KEEP_DAYS):
            old.unlink(missing_ok=True)
    return target


@dataclass(frozen=True)
class Restored:
    backup: Path
    day: date
    damaged: Path | None  # where the damaged file was moved (None: there was no file)


def restore_latest(path: Path, now: datetime) -> Restored:
    """Put the newest backup in place of ``path``; the file there is moved aside to
    ``<name>.damaged-<time>`` (with its -wal and -shm files), never overwritten."""
    found = backups(path)
    if not found:
        raise StoreError.say("store.no_backup", path=path, folder=backup_folder(path))
    day, newest = found[0]
    problem = damage(newest, full=True)
    if problem is not None:
        raise StoreError.say("store.backup_damaged", path=newest, problem=problem)
    moved: Path | None = None
    if path.exists():
        moved = path.with_name(f"{path.name}.damaged-{now:%Y%m%d-%H%M%S}")
        n = 1
        while moved.exists():
            moved = path.with_name(f"{path.name}.damaged-{now:%Y%m%d-%H%M%S}-{n}")
            n += 1
        os.replace(path, moved)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, moved.with_name(moved.name + suffix))
    source = sqlite3.connect(f"{newest.resolve().as_uri()}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return Restored(newest, day, moved)

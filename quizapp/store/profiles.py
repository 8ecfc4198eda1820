"""Profiles: whose progress it is, and their study plan (exam date, new cards per day)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from .database import Database
from .errors import StoreError
from .models import DEFAULT_DAILY_NEW, ID_LENGTH, Profile
from .records import ProfileInfo

MAX_DAILY_NEW = 10_000


def _info(row: Profile) -> ProfileInfo:
    return ProfileInfo(row.name, row.created_at, row.exam_date, row.daily_new_limit)


def check_profile_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise StoreError.say("store.empty_profile")
    if len(cleaned) > ID_LENGTH:
        raise StoreError.say("store.long_profile", limit=ID_LENGTH)
    return cleaned


def ensure_profile(db: Database, name: str) -> int:
    """The id of profile ``name``, created on first use (two instances may race to create it)."""

    def work(session: Session) -> int:
        existing = session.scalar(select(Profile.id).where(Profile.name == name))
        if existing is not None:
            return existing
        row = Profile(name=name, created_at=db.clock(), daily_new_limit=DEFAULT_DAILY_NEW)
        session.add(row)
        session.flush()
        return row.id

    return db.write(work, retry_conflicts=True)


class Profiles:
    """The settings of the store's profile, and the names of all profiles."""

    def __init__(self, db: Database, profile_id: int) -> None:
        self._db = db
        self._profile = profile_id

    def info(self) -> ProfileInfo:
        def work(session: Session) -> ProfileInfo:
            row = session.get(Profile, self._profile)
            if row is None:
                raise StoreError.say("store.profile_deleted")
            return _info(row)

        return self._db.read(work)

    def set_exam_date(self, exam_date: date | None) -> ProfileInfo:
        return self._update(exam_date=exam_date)

    def set_daily_new_limit(self, limit: int) -> ProfileInfo:
        if not 0 <= limit <= MAX_DAILY_NEW:
            raise StoreError.say("store.new_limit", most=MAX_DAILY_NEW, limit=limit)
        return self._update(daily_new_limit=limit)

    def _update(self, **values: object) -> ProfileInfo:
        def work(session: Session) -> ProfileInfo:
            row = session.get(Profile, self._profile)
            if row is None:
                raise StoreError.say("store.profile_deleted")
            for key, value in values.items():
                setattr(row, key, value)
            return _info(row)

        return self._db.write(work)

    def names(self) -> list[str]:
        return self._db.read(lambda s: list(s.scalars(select(Profile.name).order_by(Profile.name))))

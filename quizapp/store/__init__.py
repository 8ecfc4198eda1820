"""The progress store: what each profile has answered, when, and how it went.

SQLAlchemy 2 models and Alembic migrations; SQLite in the data folder by
default (WAL, busy timeout), any SQLAlchemy URL via ``--db``. Open it with
:func:`open_store`; every answer is committed when it is given.
"""

from ..clock import Clock, utc_now
from .classroom import CardTally, Classroom, Verdict
from .errors import StoreError
from .leaderboard import Standing
from .opening import open_database, open_store, open_url
from .records import (
    AppliedReview,
    CardProgress,
    Draft,
    ExamAttempt,
    ExamQuestion,
    ProfileInfo,
    ReviewEntry,
    ReviewRequest,
    Schedule,
    Submission,
)
from .store import Store

__all__ = [
    "AppliedReview",
    "CardProgress",
    "CardTally",
    "Classroom",
    "Clock",
    "Draft",
    "ExamAttempt",
    "ExamQuestion",
    "ProfileInfo",
    "ReviewEntry",
    "ReviewRequest",
    "Schedule",
    "Standing",
    "Store",
    "StoreError",
    "Submission",
    "Verdict",
    "open_database",
    "open_store",
    "open_url",
    "utc_now",
]

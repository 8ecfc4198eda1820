"""Time as the store, the study logic and the app see it: aware UTC, from an injectable clock.

Every function that needs "now" takes a :data:`Clock` so that tests can run on
a fake one and get deterministic schedules.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)

"""Study days: "today" starts at 04:00 local time, as in Anki, so that a session
after midnight still counts for the evening it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo


def local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


@dataclass(frozen=True)
class StudyDay:
    zone: tzinfo = field(default_factory=local_zone)
    rollover_hour: int = 4

    def date_of(self, moment: datetime) -> date:
        """The study day ``moment`` (aware) belongs to."""
        local = moment.astimezone(self.zone) - timedelta(hours=self.rollover_hour)
        return local.date()

    def start(self, day: date) -> datetime:
        """When study day ``day`` begins, in UTC."""
        return datetime.combine(day, time(self.rollover_hour), self.zone).astimezone(UTC)

    def today_start(self, now: datetime) -> datetime:
        return self.start(self.date_of(now))

    def tomorrow_start(self, now: datetime) -> datetime:
        return self.start(self.date_of(now) + timedelta(days=1))

"""A study service over the sample bank, on a fake clock in UTC, for SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC
from pathlib import Path

import pytest

from question_bank import Bank, load_bank
from quizapp.store import Store, open_url
from quizapp.study import StudyDay, StudyScheduler, StudyService
from tests.store.helpers import FakeClock, db_url, pg_url, write_sample_bank

__all__ = ["db_url", "pg_url"]

MakeService = Callable[..., StudyService]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    return write_sample_bank(tmp_path / "bank")


@pytest.fixture
def bank(bank_dir: Path) -> Bank:
    return load_bank([bank_dir], bundled=False)


@pytest.fixture
def store(db_url: str, clock: FakeClock) -> Iterator[Store]:
    with open_url(db_url, "kim", clock=clock) as opened:
        yield opened


@pytest.fixture
def make_service(store: Store, clock: FakeClock) -> MakeService:
    """A service over ``bank`` (day boundaries at 04:00 UTC, no interval fuzz)."""

    def make(bank: Bank) -> StudyService:
        return StudyService(
            store, bank, scheduler=StudyScheduler(fuzz=False), day=StudyDay(zone=UTC), clock=clock
        )

    return make


@pytest.fixture
def service(make_service: MakeService, bank: Bank) -> StudyService:
    return make_service(bank)

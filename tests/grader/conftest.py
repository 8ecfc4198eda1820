"""Fixtures shared by the grader tests: the bundled bank and one warm Grader per session.

Starting a zygote imports torch (about two seconds), so every test module that
only grades shares the same pool; tests that kill or close workers make
their own.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from grader import Grader
from question_bank import Bank, load_bank


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_bank()


@pytest.fixture(scope="session")
def grader() -> Iterator[Grader]:
    with Grader() as shared:
        shared.warm_up()
        yield shared

"""The grader tests grade on the suite's shared warm pool (``shared_grader`` in
tests/conftest.py); tests that kill or close workers make their own and are marked slow."""

from __future__ import annotations

import pytest

from grader import Grader


@pytest.fixture(scope="session")
def grader(shared_grader: Grader) -> Grader:
    return shared_grader

"""Fixtures shared by the grader tests: the bundled bank and one warm Grader per backend.

Starting a zygote imports torch (about two seconds), so every test module that
only grades shares the same pool; tests that kill or close workers make
their own. ``grader`` is the backend this machine picks (``linux`` here);
``any_grader`` is each backend's shared pool in turn, for what both must keep.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from _pytest.mark.structures import ParameterSet

from grader import Grader
from grader.backends import BACKENDS, linux_missing
from question_bank import Bank, load_bank


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_bank()


@pytest.fixture(scope="session")
def grader() -> Iterator[Grader]:
    with Grader() as shared:
        shared.warm_up()
        yield shared


@pytest.fixture(scope="session")
def portable_grader() -> Iterator[Grader]:
    with Grader(sandbox="portable") as shared:
        shared.warm_up()
        yield shared


def backend_params() -> list[ParameterSet]:
    """The backends to test on this machine (linux is skipped where it cannot run)."""
    reason = linux_missing()
    return [
        pytest.param(
            b, marks=pytest.mark.skipif(b == "linux" and reason is not None, reason=str(reason))
        )
        for b in BACKENDS
    ]


@pytest.fixture(params=backend_params())
def any_grader(request: pytest.FixtureRequest) -> Grader:
    """The shared pool of each backend in turn."""
    shared = request.getfixturevalue("grader" if request.param == "linux" else "portable_grader")
    assert isinstance(shared, Grader) and shared.backend == request.param
    return shared

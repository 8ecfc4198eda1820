"""The grader tests grade on the suite's shared warm pool (``shared_grader`` in
tests/conftest.py); tests that kill or close workers make their own and are marked slow.

``grader`` is the backend this machine picks (``linux`` here); ``portable_grader``
is a warm pool of the portable backend, and ``any_grader`` each backend's pool
in turn, for what both must keep.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from _pytest.mark.structures import ParameterSet

from grader import Grader
from grader.workers.backends import BACKENDS, linux_missing
from question_bank import bundled_bank_dir


@pytest.fixture(scope="session")
def grader(shared_grader: Grader) -> Grader:
    return shared_grader


@pytest.fixture(scope="session")
def portable_grader() -> Iterator[Grader]:
    with Grader(sandbox="portable", hidden=[bundled_bank_dir()]) as shared:
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

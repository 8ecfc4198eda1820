"""The grader: runs submissions in a sandbox and judges them against hidden tests.

Importing this package never imports torch: torch lives only in the worker
processes (:mod:`grader.workers.zygote`) and the sandboxes they fork. It logs through
:mod:`logging` (a logger per module under ``grader``) and prints nothing: an
app that wants the messages configures a handler.

Its names are loaded on first use, so that a light module such as
:mod:`grader.sandbox.choice` or :mod:`grader.text` costs no more than itself.
"""

import importlib
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from grader.verdict.result import CheckResult, GradeResult, RunResult
    from grader.workers.handle import Handle
    from grader.workers.pool import Grader

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["CheckResult", "GradeResult", "Grader", "Handle", "RunResult"]
_HOMES = {
    "CheckResult": "verdict.result",
    "GradeResult": "verdict.result",
    "RunResult": "verdict.result",
    "Grader": "workers.pool",
    "Handle": "workers.handle",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'grader' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{home}", __name__), name)

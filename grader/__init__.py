"""The grader: runs submissions in a sandbox and judges them against hidden tests.

Importing this package never imports torch: torch lives only in the worker
processes (:mod:`grader.zygote`) and the sandboxes they fork. It logs through
:mod:`logging` (a logger per module under ``grader``) and prints nothing: an
app that wants the messages configures a handler.
"""

import logging

from .handle import Handle
from .result import CheckResult, GradeResult, RunResult
from .supervisor import Grader

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["CheckResult", "GradeResult", "Grader", "Handle", "RunResult"]

"""The grader: runs submissions in a sandbox and judges them against hidden tests.

Importing this package never imports torch: torch lives only in the worker
processes (:mod:`grader.zygote`) and the sandboxes they fork.
"""

from .handle import Handle
from .result import CheckResult, GradeResult, RunResult
from .supervisor import Grader

__all__ = ["CheckResult", "GradeResult", "Grader", "Handle", "RunResult"]

"""One check of a probe, and the errors a probe raises.

Kept apart from :mod:`grader.probe` so that :mod:`grader.inside.contract_probe` (which
:class:`grader.probe.Probe` calls) raises :class:`ProbeError` without importing the probe.
Runs in the sandbox: the builtins it uses are captured at import, before student code.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any, cast

from grader.inside import layertrace, tracebacks
from grader.text import Text
from grader.verdict.messages import TextError

if TYPE_CHECKING:
    from grader.probe import Probe

_ISINSTANCE = isinstance


class ProbeMismatch(TextError):
    """The submission cannot be exercised as the task says; the message is for the student."""


class ProbeError(Exception):
    """A mistake in a hidden test itself (a bank bug, caught by the reference run)."""


class Stop(Exception):
    """A required check failed: the rest of the probe cannot run."""


Record = dict[str, Any]
Words = str | Text  # a name or label: a Text from tr(), or English only


class Check:
    """``with p.check(...)``: records the check's error, if any, and emits it."""

    def __init__(self, probe: Probe, record: Record, required: bool) -> None:
        self.probe = probe
        self.record = record
        self.required = required

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        probe = self.probe
        if exc is not None:
            if _ISINSTANCE(exc, TextError):
                self.record["error"] = cast(TextError, exc).text
            elif _ISINSTANCE(exc, ProbeError):
                raise exc
            else:
                if tracebacks.is_out_of_memory(exc):
                    probe.memory_hit = True
                self.record["error"] = tracebacks.describe(exc, probe.memory_mb)
                fault = layertrace.fault(exc)
                if fault is not None:
                    self.record["fault"] = fault
        probe._current = None
        probe._generator = probe._setup_generator
        probe._emit(self.record)
        if self.required and self.record["error"] is not None:
            probe.stopped_by = self.record["name"]
            raise Stop(self.record["name"])
        return True

"""A submitted grading job, as the caller holds it: wait for the result, or cancel."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError

from grader.verdict.result import GradeResult, RunResult


class Handle:
    """A submitted job: wait for its result, or cancel it."""

    def __init__(self, task_id: str | None) -> None:
        self.task_id = task_id
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._state = "pending"  # pending → running → done | cancelled
        self._result: GradeResult | RunResult | None = None
        self._wake_w: int | None = None
        self._meter: Callable[[], float] | None = None
        self._cpu_s = 0.0

    def cpu_s(self) -> float | None:
        """CPU seconds the job's processes have used so far (None before it starts).

        Measured in the caller's process from the kernel's accounting of the sandbox's
        processes, never from what the job says; it only grows. The final figure is the
        result's (``TrainingReport.cpu_s``)."""
        meter = self._meter
        if meter is None:
            return None
        with contextlib.suppress(Exception):  # a process that ends while it is read
            self._cpu_s = max(self._cpu_s, meter())
        return self._cpu_s

    def cancel(self) -> bool:
        """Stop the job (killing its sandbox if it runs). False if it had already finished."""
        with self._lock:
            if self._state in ("done", "cancelled"):
                return self._state == "cancelled"
            was_running = self._state == "running"
            self._state = "cancelled"
            wake = self._wake_w
        if was_running and wake is not None:
            with contextlib.suppress(OSError):
                os.write(wake, b"x")
        if not was_running:
            self._done.set()
        return True

    def cancelled(self) -> bool:
        return self._state == "cancelled"

    def done(self) -> bool:
        return self._done.is_set()

    def result(self, timeout: float | None = None) -> GradeResult | RunResult:
        """The verdict; raises ``TimeoutError`` or ``concurrent.futures.CancelledError``."""
        if not self._done.wait(timeout):
            raise TimeoutError("the grading job is not finished yet")
        if self._state == "cancelled":
            raise CancelledError()
        assert self._result is not None
        return self._result

    # used by the dispatcher
    def _start(self, wake_w: int, meter: Callable[[], float] | None = None) -> bool:
        with self._lock:
            if self._state != "pending":
                return False
            self._state = "running"
            self._wake_w = wake_w
            self._meter = meter
            return True

    def _finish(self, result: GradeResult | RunResult) -> None:
        with self._lock:
            self._wake_w = None
            if self._state != "cancelled":
                self._state = "done"
                self._result = result
        self._done.set()

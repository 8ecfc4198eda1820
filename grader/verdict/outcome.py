"""What the supervisor saw of one sandboxed run, before anything is judged.

Filled from the zygote's ``started``/``ended`` frames, the child's channel
frames and the captured output. :meth:`Outcome.problem` turns the ways a run
can go wrong into the one-line reasons students read, and says whose fault
each is: the submission's, or the grader's own (``"internal"``).
"""

from __future__ import annotations

import signal
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from grader.sandbox.limits import DISK_MB, OUTPUT_KEEP, OUTPUT_LIMIT_MB, OUTPUT_SHOWN
from grader.text import Text
from grader.verdict.messages import memory_limit, msg
from grader.verdict.result import ErrorKind


class Problem(NamedTuple):
    """Why a run could not do its work, and whose fault that is."""

    text: Text
    kind: ErrorKind

    @classmethod
    def internal(cls, text: Text) -> Problem:
        return cls(text, "internal")

    @classmethod
    def submission(cls, text: Text) -> Problem:
        return cls(text, "submission")


@dataclass
class Capture:
    """One output stream: the first :data:`OUTPUT_KEEP` bytes and how many there were."""

    kept: bytearray = field(default_factory=bytearray)
    total: int = 0

    def add(self, data: bytes) -> None:
        self.total += len(data)
        room = OUTPUT_KEEP - len(self.kept)
        if room > 0:
            self.kept += data[:room]

    def text(self, limit: int = OUTPUT_KEEP) -> str:
        """What was kept, cut to ``limit`` characters, saying so when anything is left out."""
        text = self.kept.decode("utf-8", errors="replace")
        if len(text) <= limit and self.total == len(self.kept):
            return text
        text = text[:limit]
        return (
            text
            + f"\n… (output cut: {self.total:,} bytes in all, the first {len(text):,} characters shown)"
        )


@dataclass
class Outcome:
    """Everything observed of one run."""

    mode: str
    time_limit_s: float
    memory_mb: int
    ready: bool = False
    checks: list[dict[str, Any]] = field(default_factory=list)
    done: dict[str, Any] | None = None
    run_done: dict[str, Any] | None = None
    load_error: Text | None = None
    sandbox_error: str | None = None
    tampering: Text | None = None
    ended: dict[str, Any] | None = None
    worker_failure: Text | None = None
    retried: Text | None = None  # graded again in a fresh worker, and why
    stdout: Capture = field(default_factory=Capture)
    stderr: Capture = field(default_factory=Capture)
    duration_s: float = 0.0

    @property
    def reason(self) -> str | None:
        return None if self.ended is None else self.ended.get("reason")

    def output(self, limit: int = OUTPUT_SHOWN) -> str:
        """What the run printed, both streams, cut to ``limit`` characters each."""
        out = self.stdout.text(limit) if self.stdout.total else ""
        if self.stderr.total:
            out += ("\n" if out and not out.endswith("\n") else "") + "--- stderr ---\n"
            out += self.stderr.text(limit)
        return out

    def problem(self) -> Problem | None:
        """Why the run could not do its work, in one line; None when it went normally."""
        if self.worker_failure:
            return Problem.internal(self.worker_failure)
        if self.tampering:
            return Problem.submission(msg("tampered", detail=self.tampering))
        limit = self._stopped()
        if limit:
            return limit
        if self.sandbox_error:
            return Problem.internal(msg("sandbox_failed", detail=self.sandbox_error))
        if self.load_error:
            return Problem.submission(self.load_error)
        finished = self.done if self.mode != "run" else self.run_done
        if finished is None:
            key = "exited_during_tests" if self.ready else "exited_before_tests"
            if self.mode == "run":
                key = "exited_before_end"
            return Problem.submission(msg(key, how=self._exit_text()))
        leftovers = self.ended.get("leftovers") if self.ended else 0
        if isinstance(leftovers, int) and leftovers > 0:
            text = msg("leftover_one") if leftovers == 1 else msg("leftover_many", count=leftovers)
            return Problem.submission(text)
        if self.mode != "run" and self.done is not None:
            if self.done.get("fatal"):
                return Problem.submission(self.done["fatal"])
            if self.done.get("memory_hit"):
                return Problem.submission(memory_limit(self.memory_mb))
        return None

    def _stopped(self) -> Problem | None:
        reason = self.reason
        if reason is None:
            return None
        if reason in ("cancelled", "internal"):
            detail = str(self.ended.get("detail") or "") if self.ended else ""
            text = (
                msg("cancelled") if reason == "cancelled" else msg("worker_failed", detail=detail)
            )
            return Problem.internal(text)
        texts = {
            "time": msg("time_limit", seconds=f"{self.time_limit_s:g}"),
            "cpu": msg("cpu_limit", seconds=f"{self.time_limit_s:g}"),
            "memory": memory_limit(self.memory_mb),
            "processes": msg("too_many_processes"),
            "disk": msg("disk_limit", mb=DISK_MB),
            "output": msg("output_limit", mb=OUTPUT_LIMIT_MB),
            "tampering": msg("tampered_plain"),
        }
        text = texts.get(reason) or msg("stopped", reason=reason)
        return Problem.submission(text)

    def _exit_text(self) -> Text:
        if self.ended is None:
            return msg("exit_unknown")
        sig = self.ended.get("signal")
        if sig is not None:
            try:
                name = signal.Signals(sig).name
            except ValueError:
                name = f"signal {sig}"
            if name == "SIGSEGV":
                return msg("exit_segv")
            return msg("exit_signal", signal=name)
        code = self.ended.get("exit_code")
        if code == 72:
            return msg("exit_reporting")
        return msg("exit_status", code=code)

"""What the supervisor saw of one sandboxed run, before anything is judged.

Filled from the zygote's ``started``/``ended`` frames, the child's channel
frames and the captured output. :meth:`Outcome.error` turns the ways a run
can go wrong into the one-line reasons students read.
"""

from __future__ import annotations

import signal
from dataclasses import dataclass, field
from typing import Any

OUTPUT_LIMIT = 1024 * 1024
OUTPUT_KEEP = 64 * 1024


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

    def text(self) -> str:
        text = self.kept.decode("utf-8", errors="replace")
        if self.total > len(self.kept):
            text += (
                f"\n… (output cut: {self.total:,} bytes in all, the first {len(self.kept):,} shown)"
            )
        return text


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
    load_error: str | None = None
    sandbox_error: str | None = None
    tampering: str | None = None
    ended: dict[str, Any] | None = None
    worker_failure: str | None = None
    stdout: Capture = field(default_factory=Capture)
    stderr: Capture = field(default_factory=Capture)
    duration_s: float = 0.0

    @property
    def reason(self) -> str | None:
        return None if self.ended is None else self.ended.get("reason")

    def error(self) -> str | None:
        """Why the run could not do its work, in one line; None when it went normally."""
        if self.worker_failure:
            return self.worker_failure
        if self.tampering:
            return f"the program tampered with the grader ({self.tampering})"
        limit = self._limit_message()
        if limit:
            return limit
        if self.sandbox_error:
            return f"the sandbox could not be set up: {self.sandbox_error}"
        if self.load_error:
            return self.load_error
        finished = self.done if self.mode != "run" else self.run_done
        if finished is None:
            when = "while the tests ran" if self.ready else "before the tests ran"
            if self.mode == "run":
                when = "before it finished"
            return f"the program exited {when} ({self._exit_text()})"
        leftovers = self.ended.get("leftovers") if self.ended else 0
        if isinstance(leftovers, int) and leftovers > 0:
            noun = "process" if leftovers == 1 else "processes"
            return f"the program left {leftovers} {noun} running after it finished (killed)"
        if self.mode != "run" and self.done is not None:
            if self.done.get("fatal"):
                return str(self.done["fatal"])
            if self.done.get("memory_hit"):
                return f"memory limit {self.memory_mb} MB exceeded"
        return None

    def _limit_message(self) -> str | None:
        reason = self.reason
        if reason is None:
            return None
        return {
            "time": f"time limit {self.time_limit_s:g} s exceeded",
            "cpu": f"CPU time limit {self.time_limit_s:g} s exceeded",
            "memory": f"memory limit {self.memory_mb} MB exceeded",
            "processes": "the program started too many processes",
            "disk": "the program wrote too much to its working folder (limit 64 MB)",
            "output": f"output limit {OUTPUT_LIMIT // (1024 * 1024)} MB exceeded",
            "cancelled": "cancelled",
            "tampering": "the program tampered with the grader",
            "internal": f"the grading worker failed: {self.ended.get('detail') if self.ended else ''}",
        }.get(reason, f"stopped: {reason}")

    def _exit_text(self) -> str:
        if self.ended is None:
            return "no exit status"
        sig = self.ended.get("signal")
        if sig is not None:
            try:
                name = signal.Signals(sig).name
            except ValueError:
                name = f"signal {sig}"
            if name == "SIGSEGV":
                return "it crashed with SIGSEGV, e.g. from recursion that is too deep"
            return f"killed by {name}"
        code = self.ended.get("exit_code")
        if code == 72:
            return "it broke the grader's reporting inside its process: exit status 72"
        return f"exit status {code}"

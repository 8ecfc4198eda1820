"""The portable sandbox backend: single-use workers, spawned fresh, watched from the app.

Where the Linux backend forks a sandbox from a warm zygote, this one never
forks after torch is imported (unsafe on macOS, impossible on Windows): each
dispatcher thread keeps one *spare* worker — a fresh interpreter
(:mod:`grader.workers.spawned`) that imports torch and warms up in the background —
runs exactly one job on it, kills its whole process tree and starts the next
spare. The protocol is the Linux backend's (:mod:`grader.workers.exchange`): the
probe runs in the worker, the verdict is made in the app.

The app's side enforces what the worker cannot be trusted with: the wall
clock, the memory of the whole process tree, the number of processes, the
size of the working folder (through psutil, :mod:`grader.sandbox.proctree`) and the
output cap; the worker adds the POSIX resource limits where they exist
(:mod:`grader.sandbox.rlimits`). On Windows a Job Object would do better but needs
pywin32: watching with psutil is the fallback there.

What it cannot confine, and says so (``quizapp doctor``, docs/hidden-tests.md):
file reads and writes outside the working folder, the network, and signals
to the user's other processes.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import socket
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, Any

import psutil

from grader.inside.runtime import needs_optimizers
from grader.sandbox.limits import DISK_MB, GRACE_S, MB, Limits, disk_used, limit_hit
from grader.sandbox.proctree import Tree, adopt_orphans, marked, sweep_strays
from grader.verdict.messages import msg
from grader.verdict.outcome import Outcome
from grader.wire import frames, protocol
from grader.workers.exchange import Exchange, RunSpec, log_end
from grader.workers.portable_worker import Spawned
from grader.workers.worker import (
    STARTING,
    WorkerError,
    own_workers,
)

POLL_S = 0.02
DISK_POLL_S = 0.25
KEPT_WINDOWS = 256  # recent jobs' time spans, for telling their strays from the app's children
# signals a run gets from the code itself: a death by any other, unasked by the app, may be
# a process an earlier file left (retried once in a fresh worker)
OWN_SIGNALS = {"SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL", "SIGABRT", "SIGXCPU", "SIGXFSZ", "SIGSYS"}

log = logging.getLogger(__name__)


def _pump(read: Callable[[int], bytes], tag: str, events: queue.Queue[tuple[str, Any]]) -> None:
    """Forward what a stream delivers, then its end (b""), to the session's queue."""
    while True:
        try:
            data = read(1 << 16)
        except (OSError, ValueError):
            data = b""
        events.put((tag, data))
        if not data:
            return


class PortableSession(Exchange):
    """Conducts one run on one spawned worker; :meth:`run` returns the :class:`Outcome`."""

    def __init__(self, worker: Spawned, spec: RunSpec, cancelled: Callable[[], bool]) -> None:
        super().__init__(spec)
        self.worker = worker
        self.cancelled = cancelled
        self.tree = Tree(worker.process.pid, worker.marker)
        self.reason: str | None = None
        self.peak_kb = 0
        self.cpu_s = 0.0
        self.cpu_baseline_s = self.tree.cpu_s()  # the worker's start and warm-up
        self.cpu_limit_s = Limits(spec.time_limit_s, cpu_s=spec.cpu_limit_s).cpu_seconds
        self.leftovers = 0
        self.ended_main = False

    def _send_to_child(self, data: bytes) -> None:
        assert self.worker.sock is not None
        self.worker.sock.sendall(data)

    def _tree_cpu_s(self) -> float | None:
        return self.tree.tree_cpu_s()

    def _request_kill(self, reason: str) -> None:
        self.reason = self.reason or reason
        self.leftovers = max(self.leftovers, self.tree.kill_all())

    def _held_files_kb(self, processes: list[psutil.Process]) -> tuple[int, int]:
        """Memory files and files deleted while open, held by the tree (Linux: /proc)."""
        if not sys.platform.startswith("linux"):
            return 0, 0
        from grader.sandbox.procs import held_files_kb

        return held_files_kb([self.tree.root.pid, *(p.pid for p in processes)])

    def _enforce(self, baseline_kb: int, deadline: float) -> None:
        processes = self.tree.scan()
        held_kb, _deleted = self._held_files_kb(processes)
        used = self.tree.memory_kb(processes) + held_kb - baseline_kb
        self.peak_kb = max(self.peak_kb, used)
        self.cpu_s = max(self.cpu_s, self.tree.cpu_s() - self.cpu_baseline_s)
        hit = limit_hit(self.spec.memory_mb, used, len(processes), deadline, time.monotonic())
        if hit or self.cancelled():
            self._kill(hit or "cancelled")

    def run(self) -> Outcome:
        spec, out, worker = self.spec, self.outcome, self.worker
        started = time.monotonic()
        assert worker.sock is not None
        baseline_kb = self.tree.memory_kb([])
        message = spec.run_frame(self.job_id)
        try:
            protocol.send(worker.sock, message)
        except (OSError, protocol.ProtocolError) as exc:
            log.warning("%s: cannot send the run to the worker: %s", self.label, exc)
            out.worker_failure = msg("worker_unavailable", detail=exc)
            return out
        events: queue.Queue[tuple[str, Any]] = queue.Queue()
        stdout, stderr = worker.process.stdout, worker.process.stderr
        assert stdout is not None and stderr is not None
        readers = [
            threading.Thread(target=_pump, args=(worker.sock.recv, "channel", events)),
            threading.Thread(target=_pump, args=(_reader(stdout), "stdout", events)),
            threading.Thread(target=_pump, args=(_reader(stderr), "stderr", events)),
            threading.Thread(target=lambda: events.put(("exit", worker.process.wait()))),
        ]
        for thread in readers:
            thread.daemon = True
            thread.start()
        self._listen(events, baseline_kb, started)
        with contextlib.suppress(OSError):
            worker.sock.shutdown(socket.SHUT_RDWR)
        out.duration_s = time.monotonic() - started
        return out

    def _listen(
        self, events: queue.Queue[tuple[str, Any]], baseline_kb: int, started: float
    ) -> None:
        out = self.outcome
        streams = {"stdout": out.stdout, "stderr": out.stderr}
        open_streams = {"channel", "stdout", "stderr"}
        deadline = started + self.spec.time_limit_s
        next_tick = next_disk = started
        returncode: int | None = None
        while returncode is None or open_streams:
            now = time.monotonic()
            if now > deadline + GRACE_S and returncode is not None:
                # the worker has ended: what holds its output open is processes its job
                # left (fork hoppers), which the sweep kills; the verdict is the run's own
                log.warning("%s: processes the job left hold its output open", self.label)
                return
            if now > deadline + GRACE_S:
                log.warning("%s: the worker stopped answering", self.label)
                self._kill("time")
                out.worker_failure = msg("worker_stuck")
                return
            try:
                tag, data = events.get(timeout=max(0.0, next_tick - now))
            except queue.Empty:
                tag, data = "", b""
            if tag == "channel":
                if not self._from_channel(data):
                    open_streams.discard(tag)
            elif tag in streams:
                if data:
                    self._from_output(streams[tag], data)
                else:
                    open_streams.discard(tag)
            elif tag == "exit":
                returncode = int(data)
                self.leftovers = max(self.leftovers, self.tree.kill_all())
                out.ended = self._ended(returncode, started)
            now = time.monotonic()
            if returncode is None and now >= next_tick:
                next_tick = now + POLL_S
                self._enforce(baseline_kb, deadline)
                if now >= next_disk:
                    next_disk = now + DISK_POLL_S
                    limit = DISK_MB * MB
                    deleted_kb = self._held_files_kb(self.tree.scan())[1]
                    if disk_used(self.worker.workdir, limit) + deleted_kb * 1024 > limit:
                        self._kill("disk")
            elif returncode is not None:
                next_tick = now + POLL_S

    def _ended(self, returncode: int, started: float) -> dict[str, Any]:
        """The ``ended`` frame the zygote would have sent, made here."""
        signal_number = -returncode if returncode < 0 else None
        if self.reason is None and signal_number is not None and sys.platform != "win32":
            import signal

            if signal_number == signal.SIGXCPU or (
                signal_number == signal.SIGKILL and self.cpu_s >= self.cpu_limit_s
            ):
                self.reason = "cpu"
        return frames.ended(
            self.job_id,
            reason=self.reason,
            exit_code=returncode if returncode >= 0 else None,
            signal=signal_number,
            cpu_s=round(self.cpu_s, 4),
            wall_s=round(time.monotonic() - started, 4),
            peak_mb=round(self.peak_kb / 1024, 1),
            leftovers=self.leftovers,
        )


def _reader(stream: IO[bytes]) -> Callable[[int], bytes]:
    read1 = getattr(stream, "read1", None)
    return read1 if read1 is not None else stream.read


class PortableRunner:
    """One dispatcher thread's workers: the spare warming up, and the one running a job."""

    def __init__(self, python: str | None = None) -> None:
        self.python = python or sys.executable
        self._lock = threading.Lock()
        self._spare: Spawned | None = None
        self._spare_error: WorkerError | None = None
        self._used: set[str] = set()  # markers of workers that were given a job
        self._optimizers = False  # warm the next spare's optimizers: the last job used them
        self._closed = False
        self._windows: list[tuple[float, float]] = []  # when jobs ran (wall clock)
        adopt_orphans()
        self._spawn()

    def _spawn(self) -> None:
        """Start the next spare now: it warms up in the background, off any job's path."""
        with self._lock:
            if self._closed or self._spare is not None:
                return
            try:
                spare = Spawned(self.python, optimizers=self._optimizers)
                self._spare, self._spare_error = spare, None
            except WorkerError as exc:
                self._spare_error = exc

    def _take(self) -> Spawned:
        self._spawn()
        with self._lock:
            spare, self._spare = self._spare, None
            if spare is None:
                raise self._spare_error or WorkerError(msg("worker_not_running"))
            self._used.add(spare.marker)
            return spare

    def run(self, spec: RunSpec, wake_fd: int | None, cancelled: Callable[[], bool]) -> Outcome:
        """Run ``spec`` on a fresh worker. A run killed from outside (by a signal neither the
        app nor the code itself sent: a process an earlier file left, say) is run once more
        on another fresh worker; if that one ends otherwise, its outcome counts and says so."""
        self._sweep()  # whatever an earlier job left is gone before this one starts
        outcome = self._run_once(spec, wake_fd, cancelled)
        log_end(spec, outcome)
        if _killed_from_outside(outcome) and not cancelled():
            log.warning("%s: killed from outside; graded again (retry)", spec.label)
            again = self._run_once(spec, wake_fd, cancelled)
            log_end(spec, again)
            if not _killed_from_outside(again):
                again.retried = msg("graded_again", how=_death(outcome))
            return again
        return outcome

    def _run_once(
        self, spec: RunSpec, wake_fd: int | None, cancelled: Callable[[], bool]
    ) -> Outcome:
        window = len(self._windows)
        self._windows.append((time.time(), float("inf")))
        try:
            try:
                worker = self._take()
            except WorkerError as exc:
                return _failed(spec, exc)
            try:
                worker.wait_ready()
                return PortableSession(worker, spec, cancelled).run()
            except WorkerError as exc:
                return _failed(spec, exc)
            finally:
                worker.stop()
                self._sweep()
                with self._lock:
                    self._optimizers = needs_optimizers(spec.source, spec.hidden)
                self._spawn()
        finally:
            self._windows[window] = (self._windows[window][0], time.time())
            del self._windows[:-KEPT_WINDOWS]

    def _sweep(self) -> int:
        """Kill what jobs left that re-parented to the app (Linux; see grader.sandbox.proctree)."""
        try:
            found = sweep_strays(own_workers, list(self._windows), STARTING)
        except Exception:  # never let the sweep take a verdict down with it
            log.exception("cannot sweep for processes an earlier grading job left")
            return 0
        if found:
            log.warning("killed %d process(es) an earlier grading job left", found)
        return found

    def wait_warm(self, timeout: float) -> None:
        """Wait until the next job would find a warm worker (a spare that has called back)."""
        self._spawn()
        with self._lock:
            spare = self._spare
        if spare is not None:
            with contextlib.suppress(WorkerError):
                spare.wait_ready(timeout)

    def stop(self) -> None:
        with self._lock:
            self._closed = True
            spare, self._spare = self._spare, None
        if spare is not None:
            spare.stop()

    def processes(self) -> list[int]:
        """The worker running a job, and anything a job's worker left (the idle spare excluded)."""
        with self._lock:
            markers = set(self._used)
        return [p.pid for p in marked(markers)] if markers else []


def _death(outcome: Outcome) -> str:
    import signal

    number = (outcome.ended or {}).get("signal")
    try:
        return signal.Signals(int(str(number))).name
    except (TypeError, ValueError):
        return f"signal {number}"


def _killed_from_outside(outcome: Outcome) -> bool:
    """Whether the run died of a signal the app did not send and the code would not get by
    itself (SIGKILL, SIGTERM, …) before it finished."""
    ended = outcome.ended or {}
    if ended.get("reason") is not None or ended.get("signal") is None:
        return False
    if outcome.worker_failure or outcome.tampering:
        return False
    finished = outcome.done if outcome.mode != "run" else outcome.run_done
    return finished is None and _death(outcome) not in OWN_SIGNALS


def _failed(spec: RunSpec, exc: WorkerError) -> Outcome:
    outcome = Outcome(mode=spec.mode, time_limit_s=spec.time_limit_s, memory_mb=spec.memory_mb)
    outcome.worker_failure = exc.text
    return outcome

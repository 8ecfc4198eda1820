"""The Python API the TUI and the exam use: threads, cancelling, "run only", restarts, closing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import CancelledError

import psutil
import pytest

from grader import Grader, GradeResult, RunResult
from grader.workers.backends import LinuxRunner
from question_bank import Bank

from ..helpers import wait_until
from .conftest import backend_params

SLEEPER = "import time\ndef predict_classes(logits):\n    time.sleep(60)\n"
GOOD = "def predict_classes(logits):\n    return logits.argmax(dim=1)\n"


def test_grading_from_many_threads_at_once(bank: Bank, any_grader: Grader) -> None:
    task = bank.tasks["tensor-argmax"]
    sources = [GOOD, "def predict_classes(logits):\n    return logits.argmin(dim=1)\n"] * 4
    results: dict[int, GradeResult] = {}

    def grade(i: int) -> None:
        results[i] = any_grader.grade(task, sources[i], timeout=120)

    threads = [threading.Thread(target=grade, args=(i,)) for i in range(len(sources))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[i].passed for i in range(len(sources))] == [True, False] * 4


def test_the_result_model_survives_a_round_trip_through_json(
    bank: Bank, any_grader: Grader
) -> None:
    result = any_grader.grade(
        bank.tasks["cnn-output-size"], bank.tasks["cnn-output-size"].read("starter.py")
    )
    again = GradeResult.model_validate_json(result.model_dump_json())
    assert again == result
    assert {
        "task",
        "passed",
        "score",
        "max_score",
        "checks",
        "error",
        "error_kind",
        "duration_s",
        "output",
    } <= set(result.model_dump())
    assert result.output == ""  # nothing printed comes back unless asked for
    assert {"name", "passed", "message", "points", "max_points"} <= set(
        result.model_dump()["checks"][0]
    )


def test_run_only_returns_output_and_the_error_with_a_traceback_of_the_submission(
    bank: Bank, any_grader: Grader
) -> None:
    source = "import sys\nprint('hello', 6 * 7)\nprint('oops', file=sys.stderr)\n\ndef f():\n    return 1 / 0\n\nf()\n"
    result = any_grader.run(bank.tasks["tensor-argmax"], source)
    assert isinstance(result, RunResult)
    assert not result.ok
    assert result.stdout == "hello 42\n"
    assert result.stderr == "oops\n"
    assert result.error_kind == "submission"
    error = result.error_in("ko")  # a Python traceback reads the same in every language
    assert error is not None
    assert 'File "submission.py", line 8, in <module>' in error
    assert "return 1 / 0" in error
    assert error.endswith("ZeroDivisionError: division by zero")
    assert "grader" not in error


def test_run_only_runs_the_main_block_and_needs_no_task(any_grader: Grader) -> None:
    source = "import torch\nif __name__ == '__main__':\n    print(torch.ones(2, 3).sum().item())\n"
    result = any_grader.run(None, source)
    assert result.ok and result.error is None
    assert result.stdout == "6.0\n"
    assert any_grader.run(None, "def broken(:\n").error is not None


@pytest.mark.parametrize("backend", backend_params())
def test_a_queued_job_can_be_cancelled(bank: Bank, backend: str) -> None:
    task = bank.tasks["tensor-argmax"].model_copy(update={"time_limit_s": 30})
    with Grader(workers=1, sandbox=backend) as solo:
        running = solo.submit(task, SLEEPER)
        queued = solo.submit(task, GOOD)
        assert queued.cancel()
        with pytest.raises(CancelledError):
            queued.result(timeout=1)
        assert running.cancel()
        started = time.monotonic()
        with pytest.raises(CancelledError):
            running.result(timeout=30)
        assert time.monotonic() - started < 10
        assert solo.sandbox_processes() == []
        assert solo.grade(task, GOOD, timeout=60).passed  # the worker carries on


def test_a_killed_zygote_fails_the_job_and_is_replaced(bank: Bank) -> None:
    task = bank.tasks["tensor-argmax"].model_copy(update={"time_limit_s": 30})
    with Grader(workers=1, sandbox="linux") as solo:
        assert solo.grade(task, GOOD, timeout=120).passed
        handle = solo.submit(task, SLEEPER)
        wait_until(solo.sandbox_processes)  # the submission is running
        zygote = _zygote(solo)
        os.kill(zygote.pid, signal.SIGKILL)
        result = handle.result(timeout=30)
        assert isinstance(result, GradeResult)
        assert not result.passed
        assert result.error_in("en") == "the grading worker died while running this submission"
        assert result.error_kind == "internal"
        assert solo.sandbox_processes() == []
        assert solo.grade(task, GOOD, timeout=120).passed


def test_closing_stops_every_worker_and_fails_nothing_silently(bank: Bank) -> None:
    task = bank.tasks["tensor-argmax"].model_copy(update={"time_limit_s": 30})
    solo = Grader(workers=1, sandbox="linux")
    running = solo.submit(task, SLEEPER)
    wait_until(solo.sandbox_processes, timeout=60)  # the submission is running
    zygote = _zygote(solo)
    started = time.monotonic()
    solo.close()
    assert time.monotonic() - started < 10
    assert zygote.poll() is not None
    with pytest.raises(CancelledError):
        running.result(timeout=5)
    with pytest.raises(RuntimeError):
        solo.submit(task, GOOD)


def test_a_task_whose_reference_fails_reports_it_instead_of_grading(
    bank: Bank, any_grader: Grader, tmp_path: pytest.TempPathFactory
) -> None:
    broken = tmp_path / "tasks" / "tensor-argmax"  # type: ignore[operator]
    broken.mkdir(parents=True)
    original = bank.tasks["tensor-argmax"]
    for name in ("starter.py", "hidden_tests.py"):
        (broken / name).write_text(original.read(name), encoding="utf-8")
    (broken / "solution.py").write_text(
        'def predict_classes(logits):\n    raise ValueError("bug")\n', encoding="utf-8"
    )
    task = original.model_copy(update={"folder": broken})
    result = any_grader.grade(task, GOOD)
    assert not result.passed
    assert result.error_kind == "internal"  # a bank bug, not the student's
    assert (result.error_in("en") or "").startswith(
        "this task cannot be graded: the reference solution fails its check"
    )
    assert (result.error_in("ko") or "").startswith("이 문제는 채점할 수 없습니다")


@pytest.mark.parametrize("backend", backend_params())
def test_a_grader_whose_worker_cannot_start_fails_as_internal(bank: Bank, backend: str) -> None:
    with Grader(workers=1, python="/nonexistent/python", sandbox=backend) as broken:
        graded = broken.grade(bank.tasks["tensor-argmax"], GOOD, timeout=60)
        ran = broken.run(None, "print(1)\n", timeout=60)
    assert (graded.passed, graded.error_kind) == (False, "internal")
    assert (graded.error_in("en") or "").startswith("this task cannot be graded")
    assert "/nonexistent/python" in (graded.error_in("en") or "")
    assert (ran.ok, ran.error_kind) == (False, "internal")
    assert (ran.error_in("ko") or "").startswith("채점 프로세스를 시작할 수 없습니다")


def test_a_graded_run_returns_its_output_only_when_asked(bank: Bank, any_grader: Grader) -> None:
    task = bank.tasks["tensor-argmax"]
    chatty = "print('x' * 100_000)\n" + GOOD
    assert any_grader.grade(task, chatty).output == ""
    shown = any_grader.grade(task, chatty, show_output=True).output
    assert shown.startswith("xxx") and "output cut" in shown
    assert len(shown) < 5_000


def test_the_sandbox_holds_only_its_standard_streams_and_its_channel(any_grader: Grader) -> None:
    source = "import os\nprint(sorted(int(fd) for fd in os.listdir('/proc/self/fd')))\n"
    result = any_grader.run(None, source)
    assert result.ok, result.error
    assert result.stdout == "[0, 1, 2, 3, 4]\n"  # 4 is the listing's own directory handle


@pytest.mark.parametrize("backend", backend_params())
def test_workers_die_with_the_app_even_without_close(backend: str) -> None:
    script = (
        "import os, time, psutil\n"
        "from grader import Grader\n"
        "from question_bank import load_bank\n"
        "task = load_bank().tasks['tensor-argmax'].model_copy(update={'time_limit_s': 60})\n"
        f"grader = Grader(workers=1, sandbox={backend!r})\n"
        "grader.submit(task, 'import time\\ntime.sleep(60)\\n')\n"
        "while not grader.sandbox_processes():\n"
        "    time.sleep(0.05)\n"
        "print(*[p.pid for p in psutil.Process().children(recursive=True)], flush=True)\n"
        "os._exit(0)  # no close(), no atexit: as if the app crashed\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=150
    )
    pids = [int(pid) for pid in run.stdout.split()]
    assert pids, run.stderr
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
        time.sleep(0.1)
    assert [pid for pid in pids if _alive(pid)] == []


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _zygote(grader: Grader) -> subprocess.Popen[bytes]:
    runner = grader._runners[0]
    assert isinstance(runner, LinuxRunner) and runner.worker.process is not None
    return runner.worker.process

"""``quizapp doctor [--json]``: each backend reported truthfully, problems one line each."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from grader.workers import backends
from grader.workers.backends import linux_missing
from quizapp.commands.doctor import value_text
from quizapp.i18n_doctor import LABELS_KO
from tests.cli.test_cli_korean import output_english
from tests.helpers import quizapp


def _doctor(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, dict]:  # type: ignore[type-arg]
    run = quizapp("--data-dir", tmp_path, *args, "doctor", "--json", env=env)
    assert run.err == "", run.err
    return run.code, json.loads(run.out)


def test_doctor_reports_the_machine_and_exits_0_when_all_is_well(tmp_path: Path) -> None:
    code, found = _doctor(tmp_path, env={"QUIZAPP_SANDBOX": "auto"})
    assert code == 0 and found["problems"] == []
    assert found["sandbox"] == ("linux" if linux_missing() is None else "portable")
    assert found["torch"]["installed"] is True and found["torch"]["build"] == "CPU"
    assert found["python"]["version"] == sys.version.split()[0]
    assert found["banks"]["valid"] is True and found["banks"]["tasks"] > 0
    assert found["data_dir"] == str(tmp_path)
    assert {"tty", "columns", "colour"} <= set(found["terminal"])
    assert found["confinement"]["gpu_hidden"] is True
    if found["sandbox"] == "linux":
        assert found["confinement"]["subreaper"] is True
        assert found["confinement"]["seccomp"] is True


def test_the_portable_backend_says_what_it_cannot_confine(tmp_path: Path) -> None:
    code, found = _doctor(tmp_path, env={"QUIZAPP_SANDBOX": "portable"})
    assert code == 0
    assert found["sandbox"] == "portable"
    confined = found["confinement"]
    assert confined["file_reads_confined"] is False
    assert confined["network_confined"] is False
    assert confined["signals_confined"] is False
    assert confined["landlock_abi"] == 0
    assert "psutil" in confined["memory_watch"]


def test_config_chooses_the_sandbox_and_the_environment_overrides_it(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('sandbox = "portable"\n', encoding="utf-8")
    assert _doctor(tmp_path)[1]["sandbox"] == "portable"
    assert _doctor(tmp_path, env={"QUIZAPP_SANDBOX": "auto"})[1]["sandbox_requested"] == "auto"
    (tmp_path / "config.toml").write_text('sandbox = "jail"\n', encoding="utf-8")
    run = quizapp("--data-dir", tmp_path, "doctor", env={"QUIZAPP_SANDBOX": ""})
    assert run.code == 2
    assert run.err.strip().endswith("unknown sandbox 'jail'; use one of: auto, linux, portable")
    assert len(run.err.strip().splitlines()) == 1


def test_problems_are_one_line_each_and_exit_1_with_the_password_masked(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-bank"
    url = "postgresql+psycopg://kim:s3cret@db.example/quiz"
    code, found = _doctor(tmp_path, "--bank", str(missing), "--db", url)
    assert code == 1
    assert found["problems"] == [f"bank folder not found: {missing}"]
    assert "s3cret" not in json.dumps(found)
    assert found["database"] == "postgresql+psycopg://kim:***@db.example/quiz"
    run = quizapp("--data-dir", tmp_path, "--bank", missing, "--lang", "en", "doctor")
    assert run.code == 1
    assert f"Problem: bank folder not found: {missing}" in run.out.splitlines()


def test_doctor_never_imports_torch_in_the_app_process(tmp_path: Path) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from quizapp.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['--data-dir', {str(tmp_path)!r}, 'doctor', '--json'])\n"
        "print('torch' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.stdout.strip() == "False", run.stderr


def test_a_damaged_store_fails_doctor_and_restore_brings_the_backup_back(tmp_path: Path) -> None:
    from datetime import date

    from quizapp.store.backup import backups, daily_backup, damage
    from tests.store.test_backup import make_store, scribble

    path = make_store(tmp_path)
    code, found = _doctor(tmp_path)
    assert found["backups"]["count"] == 0 and not any("damaged" in p for p in found["problems"])
    daily_backup(path, date(2026, 11, 1))
    scribble(path)
    code, found = _doctor(tmp_path)
    damaged = [p for p in found["problems"] if "damaged" in p]
    assert code == 1 and len(damaged) == 1 and "quizapp doctor --restore" in damaged[0]
    assert found["backups"] == {
        "count": 1,
        "latest": "2026-11-01",
        "folder": str(tmp_path / "backups"),
    }
    text = quizapp("--data-dir", tmp_path, "--lang", "ko", "doctor")
    assert text.code == 1 and "quizapp doctor --restore" in text.out

    restored = quizapp("--data-dir", tmp_path, "--lang", "ko", "doctor", "--restore")
    assert restored.code == 0, restored.err
    assert "2026-11-01 백업을" in restored.out and "손상된 파일은" in restored.out
    assert damage(path, full=True) is None
    kept = [
        p for p in tmp_path.glob("progress.db.damaged-*") if not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(kept) == 1 and damage(kept[0], full=True) is not None
    assert [day for day, _ in backups(path)] == [date(2026, 11, 1)]


def test_restore_without_a_backup_fails_in_one_line(tmp_path: Path) -> None:
    from tests.store.test_backup import make_store

    make_store(tmp_path)
    run = quizapp("--data-dir", tmp_path, "--lang", "ko", "doctor", "--restore")
    assert run.code == 1 and run.out == ""
    assert run.err.startswith("복원할 수 없습니다: ") and run.err.count("\n") == 1


# System and program names the Korean report keeps as they are (as it keeps PyTorch's)
SYSTEM_NAMES = {
    *("seccomp", "landlock", "connect", "fcntl", "ioctl", "memfd", "psutil", "fork"),
    *("pidfd_open", "prctl", "linux", "darwin", "auto", "portable", "torch", "xterm"),
}


def english(text: str) -> set[str]:
    return {word for word in output_english(text) if word.lower() not in SYSTEM_NAMES}


@pytest.mark.parametrize("backend", ["linux", "portable"])
def test_every_confinement_reads_in_korean(backend: str) -> None:
    """Each backend's confinements, as `doctor --lang ko` prints them: a Korean name and a
    value with no English words (the report's JSON keeps the English)."""
    for name, value in backends.confinement(backend).items():
        assert name in LABELS_KO, name
        shown = value_text(value, "ko")
        assert english(shown) == set(), (name, shown)


@pytest.mark.parametrize(
    "problem",
    [
        "torch is not installed: No module named 'torch'",
        "torch does not import: ImportError: 'libtorch_cpu.so' not found",
        "bank folder not found: /home/teacher/bank",
        "the bank has 3 problems (see `quizapp bank check`)",
        "unknown sandbox 'jail'; use one of: auto, linux, portable",
        "the linux sandbox cannot run here: it needs Linux (this is darwin)",
        "the linux sandbox cannot run here: the kernel refuses pidfd_open (Operation not "
        "permitted; Linux 5.3 or later is needed)",
        "the linux sandbox cannot run here: the kernel refuses prctl (no child subreaper)",
    ],
)
def test_doctor_problems_read_in_korean(problem: str) -> None:
    assert english(value_text(problem, "ko")) == set(), value_text(problem, "ko")


def test_the_whole_report_reads_in_korean(tmp_path: Path) -> None:
    terminal = {"TERM": "xterm-256color", "COLORTERM": "", "NO_COLOR": ""}  # a known name
    run = quizapp("--data-dir", tmp_path, "--lang", "ko", "doctor", env=terminal)
    assert run.code == 0, run.err
    for raw in ("count=", "installed=", "True", "False", "None", "wall clock"):
        assert raw not in run.out, raw
    assert "설치됨=예" in run.out and "문제 없음" in run.out
    assert english(run.out) == set()

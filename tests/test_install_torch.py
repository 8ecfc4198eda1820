"""``python -m quizapp.install_torch``: the setup step without a shell, as `make install` runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.install_torch import CPU_INDEX, install

FAKE_PYTHON = """#!{python}
import json, sys
with open({log!r}, "a") as f:
    f.write(json.dumps(sys.argv[1:]) + "\\n")
no_torch = sys.argv[1:] == ["-c", "import torch"]
no_wheel = "--no-index" in sys.argv
sys.exit(1 if no_torch or no_wheel else 0)
"""


def _fake_python(tmp_path: Path) -> tuple[str, Path]:
    log = tmp_path / "calls.jsonl"
    fake = tmp_path / "python"
    fake.write_text(FAKE_PYTHON.format(python=sys.executable, log=str(log)), encoding="utf-8")
    fake.chmod(0o755)
    return str(fake), log


def test_a_python_with_torch_is_left_alone() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "quizapp.install_torch"], capture_output=True, text=True, timeout=120
    )
    assert (run.returncode, run.stdout) == (0, "")


@pytest.mark.parametrize(
    ("platform", "index"), [("linux", True), ("darwin", False), ("win32", False)]
)
def test_linux_takes_the_cpu_index_and_elsewhere_pypi_torch(
    tmp_path: Path, platform: str, index: bool
) -> None:
    python, log = _fake_python(tmp_path)
    assert install(python, platform) == 0
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert calls[0] == ["-c", "import torch"]
    assert "--no-index" in calls[1]  # a wheel on this machine is tried first
    assert calls[-1][:3] == ["-m", "pip", "install"]
    assert (CPU_INDEX in calls[-1]) is index

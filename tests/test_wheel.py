"""The bundled bank is package data: it loads from an installed wheel, not only from a checkout."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_installed_wheel_checks_its_bundled_bank(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("quizapp-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "question_bank/bank/syllabus.yaml" in names
    assert any(n.startswith("question_bank/bank/items/") and n.endswith(".yaml") for n in names)

    # A fresh venv with only the wheel installed; its dependencies come from this
    # environment's site-packages added as a plain path, so that no editable
    # install of the checkout is visible there.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(site) / "_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    clean_env = {"PATH": "/usr/bin:/bin", "QUIZAPP_HOME": str(tmp_path / "home")}
    where = subprocess.run(
        [str(python), "-c", "import question_bank; print(question_bank.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env,
    ).stdout.strip()
    assert where.startswith(site), where

    run = subprocess.run(
        [str(venv / "bin" / "quizapp"), "bank", "check"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.startswith("ok: 1 bank folder, ")
    assert "23 syllabus entries" in run.stdout

"""The headless packages never import Textual; the CLI's bank commands never import torch.

Each check runs in a fresh interpreter so that nothing imported by the test
session itself can hide an import.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import question_bank


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in json.loads(out.stdout.splitlines()[-1])}


def _submodules(package: object) -> list[str]:
    return sorted(
        m.name
        for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")  # type: ignore[attr-defined]
        if not m.name.endswith("__main__")
    )


@pytest.mark.parametrize("module", ["question_bank", *_submodules(question_bank)])
def test_question_bank_is_headless(module: str) -> None:
    loaded = _modules_after(f"import {module}")
    assert not loaded & {"textual", "quizapp", "torch"}, module


@pytest.mark.parametrize(
    "module",
    [
        "quizapp.store",
        "quizapp.study",
        "quizapp.study.exam_plan",
        "quizapp.plan_view",
        "quizapp.commands.plan",
        "quizapp.exam",
        "quizapp.exam.grading",
        "quizapp.anki.export",
        "quizapp.anki.read_apkg",
        "quizapp.anki.read_text",
        "quizapp.classroom.report",
        "quizapp.classroom.similarity",
    ],
)
def test_the_app_core_is_headless(module: str) -> None:
    loaded = _modules_after(f"import {module}")
    assert not loaded & {"textual", "torch"}, module


@pytest.mark.parametrize("module", ["grader"])
def test_grader_package_imports_no_textual_and_no_torch(module: str) -> None:
    loaded = _modules_after(f"import {module}")
    assert not loaded & {"textual", "quizapp", "torch"}


def _run_cli_in_fresh_interpreter(argv: list[str]) -> set[str]:
    code = (
        "import contextlib, io\n"
        "from quizapp.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass"
    )
    return _modules_after(code)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["bank", "check"],
        ["bank", "stats", "--json"],
        ["bank", "stats"],
        ["stats", "--json"],
    ],
)
def test_cli_commands_import_no_torch_and_no_textual(argv: list[str]) -> None:
    loaded = _run_cli_in_fresh_interpreter(argv)
    assert "torch" not in loaded
    assert "textual" not in loaded


@pytest.mark.parametrize("argv", [[], ["review"], ["quiz", "--count", "3"], ["practice"]])
def test_the_app_process_never_imports_torch(argv: list[str]) -> None:
    """The TUI's start-up path (here without a terminal, up to the first frame's imports)."""
    loaded = _run_cli_in_fresh_interpreter(argv)
    assert "torch" not in loaded
    assert "textual" in loaded  # the app really got as far as loading the interface


def test_import_linter_contracts_are_kept() -> None:
    """The same rules, statically, for every import in the code (import-linter)."""
    from pathlib import Path

    lint = Path(sys.executable).with_name("lint-imports")
    root = Path(__file__).resolve().parents[1]
    run = subprocess.run([str(lint)], capture_output=True, text=True, cwd=root)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "broken" not in run.stdout.split("Contracts:")[-1].replace("0 broken", "")


def test_the_tui_command_loads_neither_the_store_nor_the_grader_before_its_first_frame() -> None:
    """`quizapp` (the TUI) checks its options and the sandbox choice (through the light
    grader.sandbox.choice) before drawing; the store, pydantic and the grader's machinery load after
    the first frame. Without a terminal it stops right before the app would start."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "quizapp"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    assert "needs a terminal" in run.stderr
    loaded = {
        line.rsplit("|", 1)[1].strip()
        for line in run.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "grader.sandbox.choice" in loaded
    heavy = {"sqlalchemy", "pydantic", "grader.workers.pool", "quizapp.commands.grade", "torch"}
    assert not loaded & heavy

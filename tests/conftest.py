"""Shared fixtures: temporary bank folders written from text, an isolated data folder, the
bundled bank, and the one warm grader pool every grading test shares."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from question_bank import Bank, load_bank

if TYPE_CHECKING:
    from grader import Grader


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: content}`` under ``root``; text is dedented."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def make_bank(tmp_path: Path) -> Callable[..., Path]:
    """Create a bank folder from ``{relative path: content}``."""
    counter = iter(range(1000))

    def make(files: dict[str, str | bytes], name: str | None = None) -> Path:
        return write_tree(tmp_path / (name or f"bank{next(counter)}"), files)

    return make


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder; nothing touches the user's real one."""
    home = tmp_path / "home"
    monkeypatch.setenv("QUIZAPP_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def bank() -> Bank:
    """The bundled bank, loaded once."""
    return load_bank()


@pytest.fixture(scope="session")
def shared_grader() -> Iterator[Grader]:
    """The suite's one warm grader (two workers): every test that only grades shares it.

    Starting a worker imports torch (seconds), so a test that starts a grader of its own
    (to kill or close its workers) is marked ``slow``; ``make test-fast`` starts only this one.
    """
    from grader import Grader
    from question_bank import bundled_bank_dir

    with Grader(workers=2, hidden=[bundled_bank_dir()]) as pool:
        pool.warm_up()
        yield pool


# Modules whose tests are slow, and why; `make test-fast` (pytest -m "not slow") leaves them
# out and starts no torch worker beyond the shared pool above. `make test` runs everything.
SLOW_MODULES = {
    "tests/tui/": "drives the whole app through Pilot, screen by screen",
    "tests/exam/test_killed_resume.py": "SIGKILLs the real app in tmux and waits for the clock",
    "tests/test_wheel.py": "builds a wheel and installs it into a fresh venv",
    "tests/test_import_hygiene.py": "starts a fresh interpreter per module",
    "tests/grader/test_api.py": "starts, kills and closes graders of its own",
    "tests/grader/test_hostile.py": "each hostile file runs to its time or memory limit",
    "tests/grader/test_confinement.py": "hostile files on a warm worker of its own",
    "tests/grader/test_forgeries.py": "forged passes on both backends' pools",
    "tests/grader/test_portable_strays.py": "daemons and fork-hoppers on a portable grader",
    "tests/grader/test_cli_grade.py": "runs `quizapp grade` in subprocesses that import torch",
    "tests/grader/test_verify.py": "mutation analysis on a grader of its own",
    "tests/grader/test_backends.py": "imports the grader on simulated platforms; the portable pool",
    "tests/grader/test_training_diagnoses.py": "trains a dozen files in the sandbox",
    "tests/grader/test_values_differ.py": "grades 60 files, their catalogues and the good files",
    "tests/test_install_torch.py": "asks a fresh interpreter whether it has torch",
    "tests/classroom/test_grade_class.py": "grades a class folder through `quizapp grade`",
    "tests/classroom/test_report_cli.py": "runs `quizapp class report` in subprocesses",
    "tests/classroom/test_similar.py": "runs `quizapp class similar` in subprocesses",
    "tests/study/test_headless.py": "starts a fresh interpreter per command module",
    "tests/cli/": "runs the real `quizapp` in subprocesses",
    "tests/interop/test_anki_export.py": "exports the bundled bank through `quizapp export`",
    "tests/interop/test_anki_import.py": "imports and checks banks through `quizapp`",
    "tests/interop/test_anki_round_trip.py": "round trips through the real Anki backend",
    "tests/store/test_concurrency.py": "real writer processes",
    "tests/store/test_durability.py": "kill -9 of a real answering process",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(str(config.rootpath))
    for item in items:
        where = Path(str(item.path)).relative_to(root).as_posix()
        if any(where.startswith(prefix) for prefix in SLOW_MODULES):
            item.add_marker(pytest.mark.slow)

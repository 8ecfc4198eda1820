"""Shared fixtures: temporary bank folders written from text, and an isolated data folder."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest


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

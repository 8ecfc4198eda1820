"""ctrl+o in the practice editor: which editor runs, and the round trip through a temp file
(with real editor processes: small shell scripts)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from quizapp.tui.external_editor import EditorError, edit_in_editor, editor_command


def script(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_visual_wins_over_editor_and_arguments_are_kept() -> None:
    env = {"VISUAL": "code --wait", "EDITOR": "vim", "PATH": ""}
    assert editor_command(env) == ["code", "--wait"]
    assert editor_command({"EDITOR": "'my editor' -n", "PATH": ""}) == ["my editor", "-n"]


def test_without_a_setting_a_known_editor_on_the_path_is_used(tmp_path: Path) -> None:
    nano = script(tmp_path, "nano", "exit 0\n")
    assert editor_command({"PATH": str(tmp_path)}) == [str(nano)]
    assert editor_command({"PATH": str(tmp_path / "empty")}) is None
    assert editor_command({"EDITOR": "  ", "PATH": str(tmp_path / "empty")}) is None


def test_the_edited_text_comes_back_and_the_file_is_removed(tmp_path: Path) -> None:
    seen = tmp_path / "seen"
    editor = script(tmp_path, "ed", f'echo "$1" > {seen}\nprintf "print(1)\\n" >> "$1"\n')
    assert edit_in_editor("x = 1\n", [str(editor)], name="cnn_fashion") == "x = 1\nprint(1)\n"
    used = Path(seen.read_text().strip())
    assert used.name == "cnn_fashion.py"
    assert not used.exists()


def test_an_editor_that_fails_or_is_missing_is_a_one_line_error(tmp_path: Path) -> None:
    failing = script(tmp_path, "bad", "exit 3\n")
    with pytest.raises(EditorError, match="status 3"):
        edit_in_editor("x", [str(failing)])
    with pytest.raises(EditorError, match="cannot run"):
        edit_in_editor("x", [str(tmp_path / "no-such-editor")])

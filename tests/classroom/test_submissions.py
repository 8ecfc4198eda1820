"""Whose file is whose: the first folder under the given folder, or the file's own stem."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.classroom.submissions import BadInput, collect


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n", encoding="utf-8")


def test_students_are_first_folders_or_stems_and_files_are_sorted(tmp_path: Path) -> None:
    _touch(
        tmp_path / "class",
        "lee/work/model.py",
        "kim/cnn.py",
        "kim/extra/helpers.py",
        "park.py",
        ".git/hook.py",
        "kim/__pycache__/cnn.py",
        "kim/notes.txt",
    )
    _touch(tmp_path, "late/choi.py")
    root = str(tmp_path / "class")
    found = collect([root, str(tmp_path / "late" / "choi.py")])
    assert [(Path(h.name).relative_to(tmp_path).as_posix(), h.student) for h in found] == [
        ("class/kim/cnn.py", "kim"),
        ("class/kim/extra/helpers.py", "kim"),
        ("class/lee/work/model.py", "lee"),
        ("class/park.py", "park"),  # flat: the file's stem
        ("late/choi.py", "choi"),  # given by name: its stem
    ]


def test_a_file_given_twice_is_graded_once(tmp_path: Path) -> None:
    _touch(tmp_path, "kim/cnn.py")
    found = collect([str(tmp_path), str(tmp_path / "kim" / "cnn.py")])
    assert [h.student for h in found] == ["kim"]


@pytest.mark.parametrize(
    ("name", "message"), [("empty", "no .py files in this folder"), ("missing", "file not found")]
)
def test_bad_paths_say_which(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.md").write_text("nothing", encoding="utf-8")
    with pytest.raises(BadInput, match=message):
        collect([str(tmp_path / name)])

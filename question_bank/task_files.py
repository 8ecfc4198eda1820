"""Checks of the files in a task's folder: its Python files compile, a training task's
data files are where task.yaml says."""

from __future__ import annotations

from pathlib import Path

from .collector import Collector
from .said import ko_unreadable, said
from .tasks import TrainingTask
from .yaml_lines import LineDict


def check_data_files(report: Collector, task: TrainingTask, raw: LineDict, folder: Path) -> None:
    """A training task's data files exist beside task.yaml (reported at their lines)."""
    for field in ("data", "answers"):
        name = getattr(task, field)
        path = folder / name
        if Path(name).is_absolute() or ".." in Path(name).parts:
            message = said(
                f"`{field}` {name!r} must be a file name inside the task folder",
                f"`{field}` {name!r}는 과제 폴더 안의 파일 이름이어야 합니다",
            )
        elif not path.is_file():
            message = said(
                f"`{field}` names {name!r}, but {path} does not exist",
                f"`{field}`에 쓴 {name!r}가 없습니다: {path}",
            )
        else:
            continue
        report.add(folder / "task.yaml", raw.line_of(field), message)


def check_python(report: Collector, path: Path) -> None:
    """A task's Python file reads as UTF-8 and compiles."""
    try:
        source = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        report.add(
            path,
            1,
            said(f"cannot read as UTF-8 text: {exc}", ko_unreadable(exc)),
        )
        return
    try:
        compile(source, str(path), "exec", dont_inherit=True)
    except SyntaxError as exc:
        report.add(
            path,
            exc.lineno or 1,
            # Python's own words, quoted in Korean
            said(f"Python syntax error: {exc.msg}", f'파이썬 문법 오류: "{exc.msg}"'),
        )

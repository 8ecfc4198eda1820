"""What the grader needs of a task, and what it derives from one for every run.

``question_bank.Task`` has every property :class:`TaskLike` asks for; the grader never
imports ``question_bank`` (the folders a sandbox must not read come from the caller).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from typing import Any, Protocol


class TaskLike(Protocol):
    """What the grader needs of a task (``question_bank.Task`` has it)."""

    @property
    def id(self) -> str: ...
    @property
    def points(self) -> float: ...
    @property
    def time_limit_s(self) -> float: ...
    @property
    def memory_mb(self) -> int: ...
    def read(self, name: str) -> str: ...


def hidden_paths(task: TaskLike | None, also: Iterable[str] = ()) -> list[str]:
    """Folders the sandbox must not read: the task's bank, and ``also`` (the caller's:
    the bundled bank, for the app). A plain run without a task hides nothing."""
    if task is None:
        return []
    paths = [str(p) for p in also]
    folder = getattr(task, "folder", None)
    if folder is not None and str(folder) not in ("", "."):
        paths.append(str(folder.resolve().parent.parent))
    return sorted(set(paths))


def task_seed(task_id: str) -> int:
    return zlib.crc32(task_id.encode()) & 0x7FFFFFFF


def contract_of(task: TaskLike) -> dict[str, Any] | None:
    """The task's contract as plain data (``question_bank.Task.contract``), or None."""
    found = getattr(task, "contract", None)
    if found is None:
        return None
    if isinstance(found, dict):
        return found
    dumped = found.model_dump(mode="json", exclude_none=True)
    return dumped if isinstance(dumped, dict) else None


def contract_exports(task: TaskLike) -> dict[str, Any]:
    """What the reference run's probe starts with: the contract it draws inputs from."""
    contract = contract_of(task)
    return {} if contract is None else {"contract": contract}

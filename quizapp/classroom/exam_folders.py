"""A class's practical exam on disk: ``FOLDER/<student>/<task_id>.py`` graded against a
blueprint's practical sections.

A section that lists its tasks without ``count`` asks every one of them. A section
that draws (``count`` of a pool) is graded on every task of its pool the student
handed a file in for, and the best ``count`` of them count — the blueprint does
not say which tasks the student was given, so the command says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from question_bank import Bank, Blueprint, Task

from .gradebook import ExamRow
from .submissions import BadInput, HandedIn


@dataclass(frozen=True)
class Part:
    """One practical section: its pool, how many of it count, and the points of each."""

    title: str
    tasks: tuple[Task, ...]
    counted: int
    points_each: float
    drawn: bool  # the attempt draws `counted` of `tasks` at random

    @property
    def max_points(self) -> float:
        return self.counted * self.points_each


def practical_parts(blueprint: Blueprint, bank: Bank) -> list[Part]:
    parts = []
    for section in blueprint.sections:
        if not section.practical:
            continue
        pool = tuple(bank.task_pool(section))
        everything = section.tasks is not None and section.count is None
        parts.append(
            Part(str(section.title), pool, section.size(), section.points_each, not everything)
        )
    if not parts:
        raise BadInput.say("class.input.no_practical", blueprint=blueprint.id)
    return parts


def student_folders(folder: Path, shown: str) -> dict[str, Path]:
    """The student folders of a class folder (hidden ones left out), by name."""
    if not folder.exists():
        raise BadInput.say("class.input.no_folder", path=shown)
    if not folder.is_dir():
        raise BadInput.say("class.input.not_folder", path=shown)
    found = {
        p.name: p for p in sorted(folder.iterdir()) if p.is_dir() and not p.name.startswith(".")
    }
    if not any(any(p.glob("*.py")) for p in found.values()):
        raise BadInput.say("class.input.no_students", path=shown)
    return found


def handed_in(parts: list[Part], students: Mapping[str, Path], shown: str) -> list[HandedIn]:
    """Every ``<task_id>.py`` a student handed in for a task of the parts, in order."""
    found = []
    for student, folder in students.items():
        for part in parts:
            for task in part.tasks:
                path = folder / f"{task.id}.py"
                if path.is_file():
                    found.append(HandedIn(path, str(Path(shown) / student / path.name), student))
    return found


def exam_row(student: str, parts: list[Part], points: Mapping[str, float]) -> ExamRow:
    """The student's total: per part, the best ``counted`` of the tasks graded (``points``
    holds each graded task's points, scaled to the part's points each)."""
    total = 0.0
    for part in parts:
        got = sorted((points[t.id] for t in part.tasks if t.id in points), reverse=True)
        total += sum(got[: part.counted])
    every = [t.id for part in parts for t in part.tasks]
    return ExamRow(
        student,
        {t: points.get(t) for t in every},
        round(total, 2),
        sum(p.max_points for p in parts),
    )

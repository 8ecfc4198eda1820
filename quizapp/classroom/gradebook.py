"""The gradebook CSV of ``quizapp grade --csv``: one row per graded file (or, with
``--exam``, per student), and the similarity column beside the scores."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO

from grader.verdict.result import GradeResult

from .similarity import Comparison
from .submissions import HandedIn

FILE_COLUMNS = (
    "file",
    "student",
    "task",
    "passed",
    "score",
    "max_score",
    "diagnoses",
    "seconds",
    "similarity",
)


def similarity_cell(comparison: Comparison | None, name: str) -> str:
    """``"87% ~ other.py"``: the most similar other file and how similar; empty when the
    task's solutions are too short to tell (``comparison`` is None) or nothing to compare."""
    if comparison is None:
        return ""
    closest = comparison.closest(name)
    if closest is None:
        return ""
    other = closest.b if closest.a == name else closest.a
    return f"{100 * closest.similarity:.0f}% ~ {other}"


def write_file_rows(
    out: IO[str],
    graded: Sequence[tuple[HandedIn, GradeResult]],
    comparison: Comparison | None,
) -> None:
    writer = csv.writer(out)
    writer.writerow(FILE_COLUMNS)
    for handed, result in graded:
        writer.writerow(
            [
                handed.name,
                handed.student,
                result.task,
                "yes" if result.passed else "no",
                f"{result.score:g}",
                f"{result.max_score:g}",
                " ".join(sorted({d.id for d in result.diagnoses})),
                f"{result.duration_s:.2f}",
                similarity_cell(comparison, handed.name),
            ]
        )


@dataclass(frozen=True)
class ExamRow:
    """One student's practical part: points per task (None: no file), the total."""

    student: str
    points: dict[str, float | None]
    total: float
    max_total: float


def write_exam_rows(out: IO[str], task_ids: Sequence[str], rows: Sequence[ExamRow]) -> None:
    writer = csv.writer(out)
    writer.writerow(["student", *task_ids, "total", "max_total"])
    for row in rows:
        cells = [row.points.get(t) for t in task_ids]
        writer.writerow(
            [
                row.student,
                *("" if c is None else f"{c:g}" for c in cells),
                f"{row.total:g}",
                f"{row.max_total:g}",
            ]
        )

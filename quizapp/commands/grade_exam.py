"""``quizapp grade --exam BLUEPRINT_ID FOLDER [--csv FILE]``: a class's practical exam.

``FOLDER/<student>/<task_id>.py`` files are graded against the blueprint's
practical sections (:mod:`quizapp.classroom.exam_folders`), all by one grader;
one line (and one CSV row) per student with the points of each task and the
total. Written sections are not in files and are left out, and said so.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from grader import GradeResult
from question_bank import Bank, Blueprint

from ..classroom.exam_folders import exam_row, handed_in, practical_parts, student_folders
from ..classroom.gradebook import ExamRow, write_exam_rows
from ..classroom.submissions import read_all
from ..formatting import points
from ..i18n import translate
from ..settings import Settings
from .shared import (
    bad_input_is_usage,
    graded_in_order,
    load,
    open_output,
    progress_bar,
    sandbox_for,
    workers_for,
)
from .status import EXIT_FAIL, EXIT_OK, UsageError


def _blueprint(bank: Bank, problems: bool, blueprint_id: str) -> Blueprint:
    blueprint = bank.exams.get(blueprint_id)
    if blueprint is None:
        known = ", ".join(sorted(bank.exams)) or "-"
        key = "cli.unknown_blueprint.bad_bank" if problems else "cli.unknown_blueprint"
        raise UsageError.say(key, exam=blueprint_id, known=known)
    return blueprint


def _folder(args: argparse.Namespace) -> str:
    given = [p for p in (args.task_id, *args.files) if p is not None]
    if len(given) != 1:
        raise UsageError.say("cli.grade.one_folder")
    return str(given[0])


def run_grade_exam(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    bank, problems = load(settings)
    blueprint = _blueprint(bank, bool(problems), args.exam)
    shown = _folder(args)
    with bad_input_is_usage():
        parts = practical_parts(blueprint, bank)
        students = student_folders(Path(shown), shown)
        handed = handed_in(parts, students, shown)
        sources = read_all(handed)
    out = open_output(args.csv) if getattr(args, "csv", None) else None
    for section in blueprint.sections:
        if section.kind == "written":
            print(translate("grade.exam_written", lang, title=section.title), file=sys.stderr)
    for part in parts:
        if part.drawn:
            note = translate(
                "grade.exam_drawn",
                lang,
                title=part.title,
                count=part.counted,
                pool=len(part.tasks),
            )
            print(note, file=sys.stderr)
    task_of = {t.id: (t, part) for part in parts for t in part.tasks}
    pairs = [(task_of[h.path.stem][0], source) for h, source in zip(handed, sources, strict=True)]
    points: dict[str, dict[str, float]] = {s: {} for s in students}
    all_passed = True
    results = graded_in_order(pairs, workers_for(args, len(pairs)), sandbox=sandbox_for(settings))
    with progress_bar(len(pairs), blueprint.id) as advance:
        for h, result in zip(handed, results, strict=True):
            assert isinstance(result, GradeResult)
            all_passed &= result.passed
            part = task_of[h.path.stem][1]
            share = result.score / result.max_score if result.max_score else 0.0
            points[h.student][h.path.stem] = round(share * part.points_each, 2)
            advance()
    rows = [exam_row(student, parts, points[student]) for student in students]
    for row in rows:
        print(_line(row))
    if out is not None:
        with out:
            write_exam_rows(out, [t.id for part in parts for t in part.tasks], rows)
    return EXIT_OK if all_passed and pairs else EXIT_FAIL


def _line(row: ExamRow) -> str:
    tasks = ", ".join(f"{t} {points(p)}" for t, p in row.points.items() if p is not None)
    return f"{row.student}  {points(row.total)}/{points(row.max_total)}  ({tasks or '—'})"

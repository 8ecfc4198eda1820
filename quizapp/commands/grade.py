"""``quizapp grade TASK_ID PATH [PATH ...] [--json] [--jobs N] [--csv FILE] [--show-output]``:
grade files (and every ``.py`` in folders) like the app does; ``--exam BLUEPRINT FOLDER``
grades a class's practical exam (see :mod:`.grade_exam`).

All files go to one :class:`grader.Grader`, whose warm workers take them in
turn (every core by default), so that a batch costs one torch start, not one
per file. A folder stands for every ``.py`` inside it (see
:mod:`quizapp.classroom.submissions` for whose file is whose); ``--csv`` writes
the gradebook, with each file's closest match in the class (``class similar``). Results are printed in the order of the files, each as soon as it
and the ones before it are done. Exit status: 0 when every file passed, 1
when any failed, 2 for a usage error (unknown task, missing file).

Check titles and messages follow ``--lang``; ``--json`` rows keep the stable
English ``name``, ``message`` and ``error`` of tasks.md and add the same words
in that language (``title``, ``text``, ``error_text``) and ``error_kind``.
What a submission printed is shown only with ``--show-output`` (for a
teacher; cut to a few KB): a student's own code could print the hidden tests.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import groupby

from grader import CheckResult, GradeResult
from grader.text import in_lang
from question_bank import Task

from ..classroom.gradebook import write_file_rows
from ..classroom.submissions import HandedIn
from ..formatting import points
from ..i18n import translate
from ..settings import Settings
from ..training_view import training_line
from .shared import (
    graded_in_order,
    handed_files,
    known_task,
    load,
    open_output,
    progress_bar,
    sandbox_for,
    similarity,
    workers_for,
)
from .status import EXIT_FAIL, EXIT_OK, UsageError

SAID_ONCE = 3  # this many failures in a row for one reason are said once


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("task_id", nargs="?", metavar="TASK_ID", help="a task id, e.g. cnn-fashion")
    parser.add_argument(
        "files", nargs="*", metavar="PATH", help="Python files, or folders (every .py inside)"
    )
    parser.add_argument(
        "--json", action="store_true", help="one JSON object per file, one per line"
    )
    parser.add_argument(
        "--jobs", type=int, metavar="N", help="parallel workers (default: every core)"
    )
    parser.add_argument(
        "--csv", metavar="FILE", help="write a gradebook: a row per file (per student with --exam)"
    )
    parser.add_argument(
        "--exam",
        metavar="BLUEPRINT_ID",
        help="grade a class folder FOLDER/<student>/<task_id>.py against a blueprint's tasks",
    )
    parser.add_argument(
        "--show-output",
        action="store_true",
        help="also print what each file printed while graded (for teachers; cut to a few KB)",
    )
    parser.set_defaults(run=run_grade)


def _task(settings: Settings, task_id: str) -> Task:
    bank, problems = load(settings)
    return known_task(bank, task_id, bad_bank=bool(problems))


def format_grade_report(file: str, result: GradeResult, lang: str = "en") -> str:
    """The human-readable report of one file in ``lang``: a header line, then one line per
    check (and what the submission printed, if it was asked for)."""
    verdict = translate("report.passed_word" if result.passed else "report.failed_word", lang)
    lines = [
        f"{file}  {verdict.upper()}  {points(result.score)}/{points(result.max_score)}"
        f"  ({result.duration_s:.2f} s)"
    ]
    if result.training is not None:
        lines.append("  " + training_line(result.training, lang))
    error = result.error_in(lang)
    if error:
        lines.append(f"  {translate('report.error', lang).lower()}: {error}")
    if result.diagnoses:
        lines.append(f"  {translate('report.diagnoses', lang)}:")
        lines.extend(f"    → {in_lang(d.message, lang)}" for d in result.diagnoses)
    lines.extend(f"  {line}" for line in check_lines(result.checks, lang))
    if result.output:
        lines.append(f"  {translate('report.stdout', lang)}:")
        lines.extend(f"    {line}" for line in result.output.splitlines())
    return "\n".join(lines)


def check_lines(checks: list[CheckResult], lang: str) -> list[str]:
    """A line per check; a reason that fails three or more checks in a row (a syntax error,
    a function left unwritten) is said once, as a compiler says an error once."""
    lines: list[str] = []
    for (passed, message), run in groupby(checks, lambda c: (c.passed, c.message_in(lang))):
        group = list(run)
        once = not passed and bool(message) and len(group) >= SAID_ONCE
        for check in group[:1] if once else group:
            mark = "✓" if passed else "✗"
            lines.append(f"{mark} {check.title_in(lang)}{': ' + message if message else ''}")
        if once:
            lines.append(translate("report.same_reason", lang, count=len(group) - 1))
    return lines


def run_grade(args: argparse.Namespace, settings: Settings) -> int:
    if getattr(args, "exam", None):
        from .grade_exam import run_grade_exam

        return run_grade_exam(args, settings)
    if args.task_id is None or not args.files:
        raise UsageError.say("cli.grade.nothing")
    task = _task(settings, args.task_id)
    handed, sources = handed_files(args.files)
    sandbox = sandbox_for(settings)
    csv_name = getattr(args, "csv", None)
    out = open_output(csv_name) if csv_name else None
    graded: list[tuple[HandedIn, GradeResult]] = []
    results = graded_in_order(
        [(task, source) for source in sources],
        workers_for(args, len(handed)),
        show_output=bool(getattr(args, "show_output", False)),
        sandbox=sandbox,
        names=[file.name for file in handed],
    )
    with progress_bar(len(handed), task.id) as advance:
        for file, result in zip(handed, results, strict=True):
            graded.append((file, result))
            if args.json:
                row = result.json_row(settings.lang, file=file.name, student=file.student)
                print(json.dumps(row, ensure_ascii=False))
            else:
                print(format_grade_report(file.name, result, settings.lang))
            sys.stdout.flush()
            advance()
    if out is not None:
        with out:
            write_file_rows(out, graded, similarity(task, handed, sources, settings.lang))
    return EXIT_OK if all(r.passed for _, r in graded) else EXIT_FAIL

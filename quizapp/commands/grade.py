"""``quizapp grade TASK_ID FILE [FILE ...] [--json] [--jobs N] [--show-output]``: grade files
like the app does.

All files go to one :class:`grader.Grader`, whose warm workers take them in
turn (both cores by default), so that a batch costs one torch start, not one
per file. Results are printed in the order of the files, each as soon as it
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
import os
import sys
from pathlib import Path

from grader import Grader, GradeResult
from grader.backends import SandboxUnavailable, choose
from question_bank import Task

from ..cli import EXIT_FAIL, EXIT_OK, UsageError
from ..i18n import translate
from ..settings import Settings
from .bank import load


def _task(settings: Settings, task_id: str) -> Task:
    bank, problems = load(settings)
    task = bank.tasks.get(task_id)
    if task is not None:
        return task
    known = ", ".join(sorted(bank.tasks)) or "none"
    hint = " — the bank has problems, see `quizapp bank check`" if problems else ""
    raise UsageError(f"unknown task {task_id!r} (known: {known}){hint}")


def _read(files: list[str]) -> list[str]:
    sources = []
    for name in files:
        path = Path(name)
        if not path.exists():
            raise UsageError(f"file not found: {name}")
        if not path.is_file():
            raise UsageError(f"not a file: {name}")
        try:
            sources.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise UsageError(f"{name}: not UTF-8 text") from None
        except OSError as exc:
            raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
    return sources


def sandbox_for(settings: Settings) -> str:
    """The grader's backend, or a one-line usage error when the chosen one cannot run here."""
    try:
        return choose(settings.sandbox)
    except SandboxUnavailable as exc:
        raise UsageError(str(exc)) from None


def _points(value: float) -> str:
    return f"{value:g}"


def format_report(file: str, result: GradeResult, lang: str = "en") -> str:
    """The human-readable report of one file in ``lang``: a header line, then one line per
    check (and what the submission printed, if it was asked for)."""
    verdict = translate("report.passed_word" if result.passed else "report.failed_word", lang)
    lines = [
        f"{file}  {verdict.upper()}  {_points(result.score)}/{_points(result.max_score)}"
        f"  ({result.duration_s:.2f} s)"
    ]
    error = result.error_in(lang)
    if error:
        lines.append(f"  {translate('report.error', lang).lower()}: {error}")
    for check in result.checks:
        mark = "✓" if check.passed else "✗"
        message = check.message_in(lang)
        lines.append(f"  {mark} {check.title_in(lang)}{': ' + message if message else ''}")
    if result.output:
        lines.append(f"  {translate('report.stdout', lang)}:")
        lines.extend(f"    {line}" for line in result.output.splitlines())
    return "\n".join(lines)


def run_grade(args: argparse.Namespace, settings: Settings) -> int:
    task = _task(settings, args.task_id)
    files = list(args.files)
    if not files:
        raise UsageError("give at least one file to grade")
    sources = _read(files)
    sandbox = sandbox_for(settings)
    jobs = getattr(args, "jobs", None)
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs must be at least 1")
    workers = jobs or min(2, os.cpu_count() or 1, len(files))
    show_output = bool(getattr(args, "show_output", False))
    all_passed = True
    with Grader(workers=workers, sandbox=sandbox) as grader:
        grader.warm_up()
        handles = [grader.submit(task, source, show_output=show_output) for source in sources]
        for file, handle in zip(files, handles, strict=True):
            result = handle.result()
            assert isinstance(result, GradeResult)
            all_passed &= result.passed
            if args.json:
                row = result.json_row(settings.lang, file=file)
                print(json.dumps(row, ensure_ascii=False))
            else:
                print(format_report(file, result, settings.lang))
            sys.stdout.flush()
    return EXIT_OK if all_passed else EXIT_FAIL

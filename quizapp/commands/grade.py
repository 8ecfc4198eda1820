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
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO

from grader import Grader, GradeResult
from grader.sandbox.choice import SandboxUnavailable, choose
from grader.text import in_lang
from question_bank import Bank, Task, bundled_bank_dir

from ..classroom.gradebook import write_file_rows
from ..classroom.similarity import MIN_FINGERPRINTS, Comparison, compare_all, distinctive_size
from ..classroom.submissions import BadInput, HandedIn, collect, read_all
from ..cli import EXIT_FAIL, EXIT_OK, UsageError
from ..formatting import points
from ..i18n import translate
from ..settings import Settings
from ..training_view import training_line
from .bank import load
from .classroom import open_output


def _task(settings: Settings, task_id: str) -> Task:
    bank, problems = load(settings)
    return known_task(bank, task_id, bad_bank=bool(problems))


def known_task(bank: Bank, task_id: str, *, bad_bank: bool = False) -> Task:
    """The bank's task ``task_id``, or a usage error listing the known ones."""
    task = bank.tasks.get(task_id)
    if task is not None:
        return task
    known = ", ".join(sorted(bank.tasks)) or "-"
    key = "cli.unknown_task.bad_bank" if bad_bank else "cli.unknown_task"
    raise UsageError.say(key, task=task_id, known=known)


def sandbox_for(settings: Settings) -> str:
    """The grader's backend, or a one-line usage error when the chosen one cannot run here."""
    try:
        return choose(settings.sandbox)
    except SandboxUnavailable as exc:
        raise UsageError(str(exc)) from None


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
    for check in result.checks:
        mark = "✓" if check.passed else "✗"
        message = check.message_in(lang)
        lines.append(f"  {mark} {check.title_in(lang)}{': ' + message if message else ''}")
    if result.output:
        lines.append(f"  {translate('report.stdout', lang)}:")
        lines.extend(f"    {line}" for line in result.output.splitlines())
    return "\n".join(lines)


def workers_for(args: argparse.Namespace, files: int) -> int:
    """``--jobs``, else every core (no more workers than files)."""
    jobs = getattr(args, "jobs", None)
    if jobs is not None and jobs < 1:
        raise UsageError.say("cli.at_least_one", option="--jobs")
    return jobs or max(1, min(os.cpu_count() or 1, files))


def graded_in_order(
    pairs: Sequence[tuple[Task, str]],
    workers: int,
    *,
    show_output: bool = False,
    sandbox: str | None = None,
    names: Sequence[str] = (),
) -> Iterator[GradeResult]:
    """Every (task, source) graded by one grader's warm workers, all queued at once;
    the verdicts come back in order, each as soon as it and those before it are done.
    ``names`` (the files', in the same order) only go into the grader's log."""
    with Grader(workers=workers, sandbox=sandbox, hidden=[bundled_bank_dir()]) as grader:
        grader.warm_up()
        named = [*names, *[None] * (len(pairs) - len(names))]
        handles = [
            grader.submit(t, source, show_output=show_output, name=name)
            for (t, source), name in zip(pairs, named, strict=True)
        ]
        for handle in handles:
            result = handle.result()
            assert isinstance(result, GradeResult)
            yield result


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when it is a terminal; nothing when piped, where the
    per-file lines are the progress."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = (label, BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    # Reports reach stdout through the bar's console only when stdout is that terminal too
    # (so they print above the bar); a redirected stdout keeps every line.
    with Progress(
        *columns,
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=sys.stdout.isatty(),
        redirect_stderr=False,
    ) as progress:
        bar = progress.add_task(label, total=total)
        yield lambda: progress.advance(bar)


def handed_files(paths: Sequence[str]) -> tuple[list[HandedIn], list[str]]:
    """The files behind the given files and folders, and their text (exit 2 on bad input)."""
    try:
        handed = collect(paths)
        return handed, read_all(handed)
    except BadInput as exc:
        raise UsageError(str(exc), exc.key, **exc.values) from None


def similarity(
    task: Task, handed: list[HandedIn], sources: list[str], lang: str, out: IO[str] = sys.stderr
) -> Comparison | None:
    """Every pair of the class's files compared (``class similar``, the gradebook's column),
    or None, saying why on ``out``, when the task's solutions are too short to tell apart."""
    starter = task.read("starter.py")
    have = distinctive_size(task.read("solution.py"), starter)
    if have < MIN_FINGERPRINTS:
        message = translate(
            "similar.too_short", lang, task=task.id, have=have, need=MIN_FINGERPRINTS
        )
        print(message, file=out)
        return None
    return compare_all({h.name: s for h, s in zip(handed, sources, strict=True)}, starter)


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

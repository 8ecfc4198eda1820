"""What several commands share: the bank they load, the files they write, the task they
name, and the grading of a batch of files by one grader (`grade`, `grade --exam`,
`class similar`, `bank verify`).

Kept free of the command modules themselves, so that no command imports another. The
grader's machinery is imported only when a batch is graded: `bank check` and `bank stats`
load this module too.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from grader.sandbox.choice import SandboxUnavailable, choose
from question_bank import Bank, Problem, Task, load_banks
from question_bank.cache import load_banks_cached

from ..classroom.similarity import MIN_FINGERPRINTS, Comparison, compare_all, distinctive_size
from ..classroom.submissions import BadInput, HandedIn, collect, read_all
from ..i18n import translate
from ..settings import Settings
from .status import UsageError

if TYPE_CHECKING:
    from grader import GradeResult


# -- the bank -------------------------------------------------------------------------------


def existing_folders(folders: list[Path], lang: str = "en") -> list[Path]:
    """The given bank folders, or a usage error naming the first one that is missing."""
    for folder in folders:
        if not folder.exists():
            raise UsageError(translate("cli.bank.folder_missing", lang, folder=folder))
        if not folder.is_dir():
            raise UsageError(translate("cli.bank.not_folder", lang, folder=folder))
    return folders


def load(
    settings: Settings, extra: Sequence[Path] = (), *, cached: bool = True
) -> tuple[Bank, list[Problem]]:
    """The bundled bank plus the settings' and ``extra`` folders.

    ``cached`` serves an unchanged, valid bank from the data folder's cache;
    `bank check` reads the files every time.
    """
    folders = existing_folders([*settings.banks, *extra], settings.lang)
    if not cached:
        return load_banks(folders)
    return load_banks_cached(folders, settings.data_dir / "cache")


def load_valid(settings: Settings) -> Bank | None:
    """The bank for a command that needs a valid one; None after printing its problems."""
    bank, problems = load(settings)
    if not problems:
        return bank
    for problem in problems:
        print(problem.in_lang(settings.lang), file=sys.stderr)
    print(translate("cli.bank.has_problems", settings.lang), file=sys.stderr)
    return None


def known_task(bank: Bank, task_id: str, *, bad_bank: bool = False) -> Task:
    """The bank's task ``task_id``, or a usage error listing the known ones."""
    task = bank.tasks.get(task_id)
    if task is not None:
        return task
    known = ", ".join(sorted(bank.tasks)) or "-"
    key = "cli.unknown_task.bad_bank" if bad_bank else "cli.unknown_task"
    raise UsageError.say(key, task=task_id, known=known)


# -- files handed in and written ------------------------------------------------------------


def open_output(name: str) -> IO[str]:
    """A file to write, or a usage error saying why not."""
    try:
        return Path(name).open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError.say("cli.cannot_write", path=name, error=exc.strerror or exc) from None


@contextmanager
def bad_input_is_usage() -> Iterator[None]:
    """Files or folders that cannot be graded (:class:`BadInput`) as a usage error (exit 2)."""
    try:
        yield
    except BadInput as exc:
        raise UsageError(str(exc), exc.key, **exc.values) from None


def handed_files(paths: Sequence[str]) -> tuple[list[HandedIn], list[str]]:
    """The files behind the given files and folders, and their text (exit 2 on bad input)."""
    with bad_input_is_usage():
        handed = collect(paths)
        return handed, read_all(handed)


# -- grading a batch ------------------------------------------------------------------------


def sandbox_for(settings: Settings) -> str:
    """The grader's backend, or a one-line usage error when the chosen one cannot run here."""
    try:
        return choose(settings.sandbox)
    except SandboxUnavailable as exc:
        raise UsageError(str(exc)) from None


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
    from grader import Grader, GradeResult
    from question_bank import bundled_bank_dir

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

"""``quizapp bank verify [TASK_ID ...] [--json]``: are the hidden tests good enough?

Per task: the reference passes, the starter fails, every catalogued mistake
fails and is diagnosed as itself, and every mutant of the reference is killed
or declared equivalent (see docs/hidden-tests.md). Exit status 0 when all of
that holds, 1 when anything falls short, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from functools import partial

from grader import Grader
from grader.quality.verify import TaskVerdict, jobs, verify
from question_bank import Task, TrainingTask, bundled_bank_dir
from question_bank.text import display_width, pad

from ..i18n import count_text, translate
from ..settings import Settings
from .shared import load_valid, sandbox_for
from .status import EXIT_FAIL, EXIT_OK, UsageError

_HEADER = (
    "task",
    "ref",
    "starter",
    "mistakes",
    "diagnosed",
    "mutants",
    "killed",
    "equiv",
    "survived",
    "contract",
    "time",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("task_ids", nargs="*", metavar="TASK_ID", help="only these tasks")
    parser.add_argument(
        "--json", action="store_true", help="one JSON object per task, one per line"
    )
    parser.set_defaults(run=run_verify)


def _tasks(settings: Settings, ids: list[str]) -> list[Task] | None:
    """The tasks to verify (all by default); None when the bank has problems (printed)."""
    bank = load_valid(settings)
    if bank is None:
        return None
    tested = {t.id: t for t in bank.tasks.values() if not isinstance(t, TrainingTask)}
    for task_id in ids:
        if isinstance(bank.tasks.get(task_id), TrainingTask):
            raise UsageError.say("cli.training_not_verified", task=task_id)
        if task_id not in tested:
            known = ", ".join(sorted(tested)) or "-"
            raise UsageError.say("cli.unknown_task", task=task_id, known=known)
    return [tested[t] for t in ids] if ids else list(tested.values())


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _row(v: TaskVerdict) -> tuple[str, ...]:
    return (
        v.task,
        _mark(v.reference_passes),
        _mark(v.starter_fails),
        f"{v.mistakes_failed}/{v.mistakes}",
        f"{v.mistakes_diagnosed}/{v.mistakes}",
        str(v.mutants),
        str(v.killed),
        str(v.equivalent),
        str(len(v.survived)),
        "-" if v.classes is None else f"{len(v.classes) - len(v.uncovered)}/{len(v.classes)}",
        f"{v.seconds:.1f}s",
    )


def format_table(verdicts: list[TaskVerdict], lang: str = "en") -> str:
    """The summary table, then each task's problems and surviving mutants as diffs."""
    t = partial(translate, lang=lang)
    header = tuple(t(f"cli.verify.col.{name}") for name in _HEADER)
    rows = [header, *map(_row, verdicts)]
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(_HEADER))]
    lines = ["  ".join(pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    for v in verdicts:
        if v.ok:
            continue
        lines.append("")
        lines.append(f"{v.task}:")
        lines.extend(f"  {problem}" for problem in v.problems)
        for survivor in v.survived:
            survived = t("cli.verify.survivor", id=survivor.id, description=survivor.description)
            lines.append(f"  {survived}")
            lines.extend(f"    {line}" for line in survivor.diff.rstrip("\n").splitlines())
    lines.extend(format_coverage(verdicts, lang))
    total = sum(v.mutants for v in verdicts)
    killed = sum(v.killed for v in verdicts)
    equivalent = sum(v.equivalent for v in verdicts)
    bad = sum(not v.ok for v in verdicts)
    lines.append("")
    lines.append(
        t(
            "cli.verify.summary",
            tasks=count_text("tasks", len(verdicts), lang),
            mutants=total,
            killed=killed,
            equivalent=equivalent,
            survived=total - killed - equivalent,
            verdict=t("cli.verify.all_ok") if not bad else t("cli.verify.short", bad=bad),
        )
    )
    return "\n".join(lines)


def format_coverage(verdicts: list[TaskVerdict], lang: str = "en") -> list[str]:
    """Each contract's input classes with how many drawn inputs fell in each, and the
    effects the generic checks verified (a class drawn by no check is marked ✗)."""
    lines: list[str] = []
    for v in verdicts:
        if v.classes is None:
            continue
        if not lines:
            lines += ["", translate("cli.verify.coverage", lang)]
        drawn = [f"{c} {n}" if n else f"{c} 0 ✗" for c, n in v.classes.items()]
        lines.append(f"  {v.task}:")
        lines.extend(_wrapped(translate("cli.verify.classes", lang), drawn))
        lines.extend(_wrapped(translate("cli.verify.effects", lang), v.effects))
    return lines


def _wrapped(head: str, words: list[str], width: int = 96) -> list[str]:
    lines, line = [], "    " + head
    for i, word in enumerate(words):
        piece = word + (", " if i < len(words) - 1 else "")
        if display_width(line + piece) > width and line.strip() != head.strip():
            lines.append(line.rstrip())
            line = "    " + " " * display_width(head)
        line += piece
    lines.append(line.rstrip())
    return lines


class _Progress:
    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0
        self.shown = sys.stderr.isatty()

    def tick(self) -> None:
        self.done += 1
        if self.shown:
            sys.stderr.write(f"\rverify: {self.done}/{self.total} gradings")
            sys.stderr.flush()

    def end(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def run_verify(args: argparse.Namespace, settings: Settings) -> int:
    tasks = _tasks(settings, list(args.task_ids))
    if tasks is None:
        return EXIT_FAIL
    progress = _Progress(jobs(tasks))
    verdicts: list[TaskVerdict] = []
    workers = os.cpu_count() or 1
    hidden = [bundled_bank_dir()]
    with Grader(workers=workers, sandbox=sandbox_for(settings), hidden=hidden) as grader:
        for verdict in verify(grader, tasks, progress.tick):
            verdicts.append(verdict)
            if args.json:
                print(json.dumps(verdict.json_row(), ensure_ascii=False))
                sys.stdout.flush()
    progress.end()
    if not args.json:
        print(format_table(verdicts, settings.lang))
    return EXIT_OK if all(v.ok for v in verdicts) else EXIT_FAIL

"""``quizapp leaderboard [TASK_ID] [--json]``: the training tasks' leaderboard.

Rank, profile, best metric, training CPU time, parameter count and date of
each profile's best attempt; ties go to the earlier attempt. On the default
SQLite file it ranks the profiles of this machine; with ``--db
postgresql+psycopg://…`` a whole class. ``--json`` prints one object per row
(training-tasks.md): ``task``, ``rank``, ``profile``, ``metric``, ``cpu_s``,
``parameters``, ``at`` and ``metric_name`` (``accuracy``, ``rmsle``). Lower-is-better
metrics (RMSLE) rank their lowest value first.
"""

from __future__ import annotations

import argparse
import json

from question_bank import TrainingTask

from ..settings import Settings
from ..store import open_store
from ..training_view import format_board
from .shared import load
from .status import EXIT_OK, UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "task_id", nargs="?", metavar="TASK_ID", help="one training task (default: all)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per row, one per line")
    parser.set_defaults(run=run_leaderboard)


def _training_tasks(settings: Settings, task_id: str | None) -> dict[str, str]:
    """The training tasks to rank (all, or ``task_id``), each with its metric's name."""
    bank, _ = load(settings)
    training: dict[str, str] = {
        t.id: t.metric for t in bank.tasks.values() if isinstance(t, TrainingTask)
    }
    if task_id is None:
        return training
    if task_id not in training:
        known = ", ".join(training) or "-"
        raise UsageError.say("cli.not_training", task=task_id, known=known)
    return {task_id: training[task_id]}


def run_leaderboard(args: argparse.Namespace, settings: Settings) -> int:
    tasks = _training_tasks(settings, args.task_id)
    with open_store(settings) as store:
        boards = {task: store.leaderboard(task, tasks) for task in tasks}
    if args.json:
        for rows in boards.values():
            for row in rows:
                print(json.dumps(row.json_row(), ensure_ascii=False))
    else:
        print("\n\n".join(format_board(task, rows, settings.lang) for task, rows in boards.items()))
    return EXIT_OK

"""What the practice screens show, decided without a user interface.

The task list (status from the practice history, best score, due tasks first),
the rule for revealing a reference solution, and how scores and times are
written. A verdict is the grader's ``GradeResult`` everywhere (fresh, or read
back from the store), so screens render a new submission and an old one the
same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from question_bank import PageRange, Task

from ..formatting import points
from ..store import Submission
from .cards import CardFilter
from .service import StudyService

TaskStatus = Literal["new", "failed", "passed"]
TASK_TYPES = frozenset({"task"})


@dataclass(frozen=True)
class TaskSummary:
    """One row of the task list."""

    task: Task
    status: TaskStatus
    attempts: int
    best_score: float | None  # None when never submitted
    due: bool  # its card is due for review now

    @property
    def id(self) -> str:
        return self.task.id


def task_status(submissions: Sequence[Submission]) -> TaskStatus:
    """Passed once any submission passed; failed when tried and never passed; else new."""
    if not submissions:
        return "new"
    return "passed" if any(s.passed for s in submissions) else "failed"


def summarize(task: Task, submissions: Sequence[Submission], due: bool = False) -> TaskSummary:
    best = max((s.score for s in submissions), default=None)
    return TaskSummary(task, task_status(submissions), len(submissions), best, due)


def task_summaries(
    service: StudyService, pages: Sequence[PageRange] | None = None
) -> list[TaskSummary]:
    """Every task (on ``pages`` if given): the ones due for review first, in the order the
    study queue has them, then the rest in bank order."""
    card_filter = CardFilter(pages=tuple(pages) if pages else None, types=TASK_TYPES)
    queue = service.due_queue(card_filter)
    due_ids = [card.item_id for card in (*queue.due, *queue.pulled)]
    tasks = service.catalogue.bank.tasks
    listed = [card.item_id for card in service.catalogue.select(card_filter)]
    by_task: dict[str, list[Submission]] = defaultdict(list)
    for submission in service.store.practice.history():
        by_task[submission.task_id].append(submission)
    due = [task_id for task_id in dict.fromkeys(due_ids) if task_id in tasks]
    due_set = set(due)
    rest = [task_id for task_id in listed if task_id not in due_set]
    return [summarize(tasks[i], by_task[i], due=True) for i in due] + [
        summarize(tasks[i], by_task[i]) for i in rest
    ]


def can_reveal_solution(submissions: Sequence[Submission]) -> bool:
    """The reference solution is shown only to a student who has submitted at least once."""
    return len(submissions) > 0


def format_score(score: float, max_score: float) -> str:
    """``7/10``, ``2.5/10``, ``0/0.67`` (two decimals at most)."""
    return f"{points(score)}/{points(max_score)}"


def format_duration(seconds: float | None) -> str:
    """``0.06 s``; ``—`` when unknown."""
    if seconds is None:
        return "—"
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def format_when(moment: datetime) -> str:
    """A submission time in the local time zone, to the minute."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return local.strftime("%Y-%m-%d %H:%M")

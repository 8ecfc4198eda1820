"""Are a task's hidden tests good enough? The measure behind ``quizapp bank verify``.

For each task: the reference passes; the starter fails; every catalogued
mistake (``mistakes.yaml``) fails and is diagnosed as itself; every mutant of
the reference (:mod:`grader.quality.mutate`) fails, unless ``equivalent.yaml``
declares it equivalent. A declared mutant is graded again with
:data:`EXTRA_SEEDS` other seeds (other random inputs and weights in every
check): a claim that one of them refutes is reported, not trusted.

Everything is submitted to one :class:`grader.Grader` before anything is
collected, so that every worker stays busy.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from grader.inside.contract_classes import declared
from grader.jobs.task import TaskLike, contract_of
from grader.quality.mutate import Mutant, mutants
from grader.text import in_lang
from grader.verdict.result import GradeResult
from grader.workers.handle import Handle
from grader.workers.pool import Grader

EXTRA_SEEDS = 3


class MistakeLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def source(self) -> str: ...


class VerifiableTask(TaskLike, Protocol):
    """A task with its catalogue (``question_bank.Task`` has it)."""

    @property
    def mistakes(self) -> Sequence[MistakeLike]: ...
    @property
    def equivalent(self) -> dict[str, str]: ...


@dataclass(frozen=True)
class Survivor:
    """A mutant that passes every hidden check: a blind spot of the tests."""

    id: str
    operator: str
    line: int
    description: str
    diff: str

    def row(self) -> dict[str, Any]:
        """The ``--json`` form: everything but the diff."""
        return {k: v for k, v in asdict(self).items() if k != "diff"}


@dataclass
class TaskVerdict:
    """What ``bank verify`` found for one task."""

    task: str
    reference_passes: bool = False
    starter_fails: bool = False
    mistakes: int = 0
    mistakes_failed: int = 0
    mistakes_diagnosed: int = 0
    mutants: int = 0
    killed: int = 0
    equivalent: int = 0
    survived: list[Survivor] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # The contract's coverage (None: the task has no contract): how many drawn inputs
    # belong to each declared class, and the effects the generic checks verify.
    classes: dict[str, int] | None = None
    effects: list[str] = field(default_factory=list)

    @property
    def uncovered(self) -> list[str]:
        """Declared input classes no check drew."""
        return [c for c, n in (self.classes or {}).items() if n == 0]

    @property
    def ok(self) -> bool:
        return (
            self.reference_passes
            and self.starter_fails
            and self.mistakes_failed == self.mistakes
            and self.mistakes_diagnosed == self.mistakes
            and not self.survived
            and not self.problems
        )

    def json_row(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "ok": self.ok,
            "reference_passes": self.reference_passes,
            "starter_fails": self.starter_fails,
            "mistakes": self.mistakes,
            "mistakes_failed": self.mistakes_failed,
            "mistakes_diagnosed": self.mistakes_diagnosed,
            "mutants": self.mutants,
            "killed": self.killed,
            "equivalent": self.equivalent,
            "survived": [s.row() for s in self.survived],
            "contract_classes": self.classes,
            "contract_effects": self.effects,
            "problems": self.problems,
            "seconds": round(self.seconds, 2),
        }


class _Reseeded:
    """The same task under another id: the grader seeds the hidden tests' inputs from the id."""

    def __init__(self, task: TaskLike, k: int) -> None:
        self._task = task
        self.id = f"{task.id}~seed{k}"
        self.points = task.points
        self.time_limit_s = task.time_limit_s
        self.memory_mb = task.memory_mb
        self.folder: Path | None = getattr(task, "folder", None)
        self.contract = getattr(task, "contract", None)

    def read(self, name: str) -> str:
        return self._task.read(name)


@dataclass
class _Plan:
    grader: Grader
    task: VerifiableTask
    solution: str
    reference: Handle
    starter: Handle
    mistakes: list[tuple[str, Handle]]
    mutants: list[tuple[Mutant, Handle]]
    reseeded: dict[str, list[Handle]]


def _submit(grader: Grader, task: VerifiableTask) -> _Plan:
    solution = task.read("solution.py")
    found = mutants(solution)
    ids = {m.id for m in found}
    seeds = [_Reseeded(task, k) for k in range(1, EXTRA_SEEDS + 1)]
    return _Plan(
        grader=grader,
        task=task,
        solution=solution,
        reference=grader.submit(task, solution),
        starter=grader.submit(task, task.read("starter.py")),
        mistakes=[(m.id, grader.submit(task, m.source)) for m in task.mistakes],
        mutants=[(m, grader.submit(task, m.source)) for m in found],
        reseeded={
            m.id: [grader.submit(seeded, m.source) for seeded in seeds]
            for m in found
            if m.id in task.equivalent and m.id in ids
        },
    )


def _first_failure(result: GradeResult) -> str:
    if result.error:
        return in_lang(result.error, "en")
    failed = next((c for c in result.checks if not c.passed), None)
    return f"{failed.name}: {failed.message_in('en')}" if failed else "failed"


def _diff(solution: str, mutant: Mutant) -> str:
    lines = difflib.unified_diff(
        solution.splitlines(keepends=True),
        mutant.source.splitlines(keepends=True),
        "solution.py",
        f"mutant {mutant.id}",
        n=1,
    )
    return "".join(lines)


def _collect(plan: _Plan, tick: Callable[[], None]) -> TaskVerdict:
    task = plan.task
    verdict = TaskVerdict(task=task.id)
    spent: list[float] = []

    def wait(handle: Handle) -> GradeResult:
        result = handle.result()
        assert isinstance(result, GradeResult)
        spent.append(result.duration_s)
        tick()
        return result

    reference = wait(plan.reference)
    verdict.reference_passes = reference.passed
    if not reference.passed:
        verdict.problems.append(f"the reference fails: {_first_failure(reference)}")
    if reference.passed:
        _coverage(plan, verdict)
    verdict.starter_fails = not wait(plan.starter).passed
    if not verdict.starter_fails:
        verdict.problems.append("the starter passes the hidden tests")
    verdict.mistakes = len(plan.mistakes)
    for mistake_id, handle in plan.mistakes:
        result = wait(handle)
        if result.passed:
            verdict.problems.append(f"mistake {mistake_id!r} passes the hidden tests")
            continue
        verdict.mistakes_failed += 1
        named = [d.id for d in result.diagnoses]
        if mistake_id in named:
            verdict.mistakes_diagnosed += 1
        else:
            shown = ", ".join(named) or "nothing"
            verdict.problems.append(f"mistake {mistake_id!r} fails but is diagnosed as {shown}")
    declared = dict(task.equivalent)
    verdict.mutants = len(plan.mutants)
    for mutant, handle in plan.mutants:
        result = wait(handle)
        reason = declared.pop(mutant.id, None)
        if not result.passed:
            for extra in plan.reseeded.get(mutant.id, []):
                extra.cancel()
                tick()
            verdict.killed += 1
            if reason is not None:
                verdict.problems.append(
                    f"equivalent.yaml: {mutant.id} is killed by the hidden tests; remove it"
                )
            continue
        refuted = [r for r in map(wait, plan.reseeded.get(mutant.id, [])) if not r.passed]
        if reason is not None and not refuted:
            verdict.equivalent += 1
            continue
        if refuted:
            verdict.problems.append(
                f"equivalent.yaml: {mutant.id} differs from the reference with another seed "
                f"({_first_failure(refuted[0])})"
            )
        verdict.survived.append(
            Survivor(
                mutant.id,
                mutant.operator,
                mutant.line,
                mutant.description,
                _diff(plan.solution, mutant),
            )
        )
    for stale in declared:
        verdict.problems.append(f"equivalent.yaml: {stale} is no mutant of solution.py")
    verdict.seconds = sum(spent)
    return verdict


def _coverage(plan: _Plan, verdict: TaskVerdict) -> None:
    """What the reference run drew from the task's contract (its ``coverage`` export)."""
    plain = contract_of(plan.task)
    if plain is None:
        return
    verdict.classes = {c: 0 for c in declared(plain)}
    exported = plan.grader.reference(plan.task).exports.get("coverage")
    if not isinstance(exported, dict):
        verdict.problems.append(
            "the contract's inputs are drawn by no check: call p.contract_checks(...) "
            "in hidden_tests.py"
        )
        return
    drawn = exported.get("classes") or {}
    for name in verdict.classes:
        verdict.classes[name] = int(drawn.get(name, 0))
    verdict.effects = [str(e) for e in exported.get("effects") or []]
    for name in verdict.uncovered:
        verdict.problems.append(f"contract class {name} is drawn by no check")


def jobs(tasks: Sequence[VerifiableTask]) -> int:
    """How many gradings :func:`verify` will wait for (for a progress bar)."""
    total = 0
    for task in tasks:
        found = mutants(task.read("solution.py"))
        declared = sum(1 for m in found if m.id in task.equivalent)
        total += 2 + len(task.mistakes) + len(found) + declared * EXTRA_SEEDS
    return total


def verify(
    grader: Grader,
    tasks: Sequence[VerifiableTask],
    tick: Callable[[], None] = lambda: None,
) -> Iterator[TaskVerdict]:
    """One verdict per task, in order; ``tick()`` after each grading collected."""
    plans = [_submit(grader, task) for task in tasks]
    for plan in plans:
        yield _collect(plan, tick)

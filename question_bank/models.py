"""The bank's data model: syllabus, the seven item types, tasks and exam blueprints.

Models check what one object can check by itself (types, required and unknown
fields, value ranges). Checks that need several objects or the file system —
duplicate ids, blueprint pools, task files — live in :mod:`question_bank.loader`.
Each model's ``problems()`` returns semantic problems as ``(field path,
message)`` pairs so that the loader can point at the exact line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from .cloze import Blank, parse_cloze
from .contract import Contract
from .messages import suggest
from .mistakes import Mistake
from .pages import Page

Loc = tuple[str | int, ...]
ItemId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Text = Annotated[str, StringConstraints(min_length=1)]
PageList = Annotated[list[Page], Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=False)


# -- syllabus ------------------------------------------------------------------


class SyllabusEntry(_Strict):
    title: Text
    pages: PageList
    notes: str | None = None


# -- items ---------------------------------------------------------------------


class _ItemBase(_Strict):
    kind: ClassVar[Literal["written", "flashcard"]] = "written"

    id: ItemId
    pages: PageList | None = None
    topic: str | None = None
    tags: list[str] = Field(default_factory=list)
    difficulty: Annotated[int, Field(ge=1, le=3)] | None = None
    explanation: str | None = None
    # The GUID of the Anki note the item was imported from: exporting it again
    # updates that note instead of adding a copy (written by `quizapp import anki`).
    anki_guid: Annotated[str, Field(min_length=1)] | None = None

    def problems(self) -> list[tuple[Loc, str]]:
        return []

    @property
    def headline(self) -> str:
        """The text a learner reads first (for search, listings and duplicate checks)."""
        raise NotImplementedError


class _Choices(_ItemBase):
    # Authors often write numbers as choices (`- 64`): read them as text.
    model_config = ConfigDict(coerce_numbers_to_str=True)

    prompt: Text
    choices: Annotated[list[Text], Field(min_length=2)]

    def _duplicate_choices(self) -> list[tuple[Loc, str]]:
        seen: dict[str, int] = {}
        found: list[tuple[Loc, str]] = []
        for i, choice in enumerate(self.choices):
            if choice in seen:
                found.append(
                    (
                        ("choices", i),
                        f"duplicate choice {choice!r} (also choice {seen[choice] + 1})",
                    )
                )
            else:
                seen[choice] = i
        return found

    @property
    def headline(self) -> str:
        return self.prompt


class SingleChoice(_Choices):
    type: Literal["single_choice"]
    answer: Text

    def problems(self) -> list[tuple[Loc, str]]:
        found = self._duplicate_choices()
        if self.answer not in self.choices:
            found.append((("answer",), f"answer {self.answer!r} is not one of the choices"))
        return found


class MultipleChoice(_Choices):
    type: Literal["multiple_choice"]
    answers: Annotated[list[Text], Field(min_length=1)]

    def problems(self) -> list[tuple[Loc, str]]:
        found = self._duplicate_choices()
        for i, answer in enumerate(self.answers):
            if answer not in self.choices:
                found.append((("answers", i), f"answer {answer!r} is not one of the choices"))
            elif answer in self.answers[:i]:
                found.append((("answers", i), f"answer {answer!r} is listed twice"))
        return found


class TrueFalse(_ItemBase):
    type: Literal["true_false"]
    prompt: Text
    answer: StrictBool

    @property
    def headline(self) -> str:
        return self.prompt


class Reject(_Strict):
    """A near miss an item lists under ``reject:``: wrong, with its own explanation."""

    model_config = ConfigDict(coerce_numbers_to_str=True)

    answer: Text
    why: Text
    blank: Annotated[int, Field(ge=1)] | None = None  # cloze only: the blank's number (c1 → 1)


def _reject_problems(item: ShortAnswer | Numeric | Cloze) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    numbers = {b.number for b in item.blanks} if isinstance(item, Cloze) else set()
    for i, reject in enumerate(item.reject):
        if isinstance(item, Cloze):
            if reject.blank is None:
                found.append((("reject", i), "a cloze's `reject` names its `blank` (1 for c1)"))
            elif reject.blank not in numbers:
                found.append((("reject", i, "blank"), f"the text has no blank c{reject.blank}"))
        elif reject.blank is not None:
            found.append((("reject", i, "blank"), "`blank` belongs to a cloze's `reject`"))
        if isinstance(item, Numeric):
            from .matching import read_number  # matching reads these models

            ratio = item.form == "ratio"
            if read_number(reject.answer, ratio=ratio, percent=True) is None:
                found.append(
                    (
                        ("reject", i, "answer"),
                        f"a numeric reject is a number, got {reject.answer!r}",
                    )
                )
    return found


class ShortAnswer(_ItemBase):
    model_config = ConfigDict(coerce_numbers_to_str=True)

    type: Literal["short_answer"]
    prompt: Text
    answers: Annotated[list[Text], Field(min_length=1)]
    reject: list[Reject] = Field(default_factory=list)

    def problems(self) -> list[tuple[Loc, str]]:
        return _reject_problems(self)

    @property
    def headline(self) -> str:
        return self.prompt


class Numeric(_ItemBase):
    type: Literal["numeric"]
    prompt: Text
    answer: float
    tolerance: Annotated[float, Field(ge=0)] = 0.0
    # `ratio`: the answer is a share between 0 and 1, and `0.8`, `80%` and `4/5` are
    # all accepted; the prompt says so.
    form: Literal["number", "ratio"] = "number"
    reject: list[Reject] = Field(default_factory=list)

    def problems(self) -> list[tuple[Loc, str]]:
        found = _reject_problems(self)
        if self.form == "ratio" and not 0 <= self.answer <= 1:
            return [
                *found,
                (
                    ("answer",),
                    f"a ratio answer lies between 0 and 1, got {self.answer:g} "
                    f"(write {self.answer / 100:g} for {self.answer:g}%)",
                ),
            ]
        return found

    @property
    def headline(self) -> str:
        return self.prompt


class Cloze(_ItemBase):
    type: Literal["cloze"]
    text: Text
    reject: list[Reject] = Field(default_factory=list)

    @property
    def headline(self) -> str:
        return self.text

    @property
    def blanks(self) -> list[Blank]:
        return parse_cloze(self.text)

    def problems(self) -> list[tuple[Loc, str]]:
        try:
            blanks = parse_cloze(self.text)
        except ValueError as exc:
            return [(("text",), str(exc))]
        if not blanks:
            return [(("text",), "cloze text has no deletions; mark each blank as {{c1::answer}}")]
        return _reject_problems(self)


class Flashcard(_ItemBase):
    kind: ClassVar[Literal["written", "flashcard"]] = "flashcard"

    type: Literal["flashcard"]
    front: Text
    back: Text
    reverse: StrictBool = False

    @property
    def headline(self) -> str:
        return self.front


Item = SingleChoice | MultipleChoice | TrueFalse | ShortAnswer | Numeric | Cloze | Flashcard

ITEM_TYPES: dict[str, type[_ItemBase]] = {
    "single_choice": SingleChoice,
    "multiple_choice": MultipleChoice,
    "true_false": TrueFalse,
    "short_answer": ShortAnswer,
    "numeric": Numeric,
    "cloze": Cloze,
    "flashcard": Flashcard,
}
WRITTEN_TYPES = tuple(t for t in ITEM_TYPES if t != "flashcard")
WrittenType = Literal[
    "single_choice", "multiple_choice", "true_false", "short_answer", "numeric", "cloze"
]


class ItemFile(_Strict):
    """The top level of ``items/*.yaml``: file-wide defaults and the item list."""

    topic: str | None = None
    pages: PageList | None = None
    tags: list[str] | None = None
    items: list[Any]


# -- tasks ---------------------------------------------------------------------

TASK_FILES = ("task.yaml", "starter.py", "solution.py", "hidden_tests.py")

# What a task asks (shared spec tasks.md, "Kinds"); mock exam blueprints draw by it.
TaskKind = Literal["tensor", "batch", "model", "loop", "training"]
TASK_KINDS: tuple[str, ...] = ("tensor", "batch", "model", "loop", "training")
# A model family (`family: cnn`): a blueprint with `distinct: family` never draws two
# tasks of one family (a CNN to implement and a CNN to train).
Family = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]


class Task(_Strict):
    id: ItemId
    title: Text
    pages: PageList
    topic: str | None = None
    tags: list[str] = Field(default_factory=list)
    difficulty: Annotated[int, Field(ge=1, le=3)] | None = None
    points: Annotated[float, Field(gt=0)] = 10
    prompt: Text
    time_limit_s: Annotated[float, Field(gt=0, le=600)] = 10
    memory_mb: Annotated[int, Field(ge=64, le=65536)] = 1024
    # Optional for banks written before kinds existed (bank check warns); every bundled
    # task has one. `training` belongs to `type: training` tasks.
    kind: TaskKind | None = None
    family: Family | None = None
    contract: Contract | None = None  # a function task's inputs and effects (contract.py)

    # Not in task.yaml: set by the loader.
    folder: Path = Field(default=Path(), exclude=True)
    mistakes: tuple[Mistake, ...] = Field(default=(), exclude=True)  # from mistakes.yaml
    equivalent: dict[str, str] = Field(default_factory=dict, exclude=True)  # equivalent.yaml

    @property
    def headline(self) -> str:
        return self.title

    def problems(self) -> list[tuple[Loc, str]]:
        found: list[tuple[Loc, str]] = []
        if self.kind == "training":
            found.append(
                (
                    ("kind",),
                    "`kind: training` is for training tasks: add `type: training`, or give "
                    "the kind of a function task (tensor, batch, model, loop)",
                )
            )
        if self.contract is not None:
            found += [(("contract", *loc), text) for loc, text in self.contract.problems()]
        return found

    @property
    def checks_parameters(self) -> bool:
        """Whether the hidden tests check the parameter count (``p.parameter_count``)."""
        try:
            return "parameter_count(" in self.read("hidden_tests.py")
        except OSError:
            return False

    def read(self, name: str) -> str:
        """One of the task's files (``starter.py``, ``solution.py``, ``hidden_tests.py``)."""
        return (self.folder / name).read_text(encoding="utf-8")

    @property
    def files(self) -> tuple[str, ...]:
        """The files the task folder must hold."""
        return TASK_FILES


# Module types a training task may name in `requires`/`forbids` (torch.nn class
# names). Listed here because the bank is loaded where torch is never imported;
# tests/bank/test_training_tasks.py checks that each one exists in torch.nn.
NN_MODULES = (
    "AvgPool2d",
    "BatchNorm1d",
    "BatchNorm2d",
    "Conv1d",
    "Conv2d",
    "Dropout",
    "Embedding",
    "Flatten",
    "GRU",
    "LSTM",
    "Linear",
    "MaxPool2d",
    "RNN",
    "ReLU",
    "Sigmoid",
    "Tanh",
)
ModuleName = Annotated[str, StringConstraints(min_length=1)]


class TrainingTask(Task):
    """A task graded by training the student's model and scoring it on a test split.

    See shared spec training-tasks.md: ``build_model()``, ``train(model, x, y)``
    and an optional ``predict(model, x)``; score ``points × clamp((metric −
    floor) / (target − floor), 0, 1)``, passed when the metric reaches the target
    (``≥`` for accuracy, ``≤`` for RMSLE, whose floor lies above the target).
    """

    type: Literal["training"]
    kind: TaskKind | None = "training"
    data: Text = "data.npz"  # x_train, y_train, x_test: what the sandbox gets
    answers: Text = "answers.npz"  # y_test: read by the judge only
    # `accuracy` (higher is better) or `rmsle` (root mean squared error of log(1 + y),
    # lower is better: the floor lies above the target).
    metric: Literal["accuracy", "rmsle"] = "accuracy"
    target: Annotated[float, Field(ge=0)]
    floor: Annotated[float, Field(ge=0)]
    cpu_budget_s: Annotated[float, Field(gt=0, le=600)]
    requires: list[ModuleName] = Field(default_factory=list)
    forbids: list[ModuleName] = Field(default_factory=list)

    @property
    def files(self) -> tuple[str, ...]:
        return (*TASK_FILES[:3], self.data, self.answers)

    def problems(self) -> list[tuple[Loc, str]]:
        found: list[tuple[Loc, str]] = []
        if self.kind not in (None, "training"):
            found.append((("kind",), f"a training task's `kind` is `training`, got {self.kind!r}"))
        if self.contract is not None:
            found.append((("contract",), "a training task has no hidden tests to hold a contract"))
        if self.lower_is_better:
            if self.floor <= self.target:
                found.append(
                    (
                        ("floor",),
                        f"`floor` {self.floor} must be above `target` {self.target}: "
                        f"{self.metric} is lower-is-better",
                    )
                )
        else:
            for field in ("target", "floor"):
                if getattr(self, field) > 1:
                    found.append(
                        ((field,), f"`{field}` must be ≤ 1.0, got {getattr(self, field):g}")
                    )
            if self.floor >= self.target:
                found.append(
                    (("floor",), f"`floor` {self.floor} must be below `target` {self.target}")
                )
        for field in ("requires", "forbids"):
            for i, name in enumerate(getattr(self, field)):
                if name not in NN_MODULES:
                    hint = suggest(name, NN_MODULES) or f" (known: {', '.join(NN_MODULES)})"
                    found.append(((field, i), f"unknown module {name!r} in `{field}`{hint}"))
        return found

    @property
    def lower_is_better(self) -> bool:
        return self.metric == "rmsle"

    def reaches(self, metric: float) -> bool:
        """Whether a metric reaches the target (≤ for a lower-is-better metric)."""
        return metric <= self.target if self.lower_is_better else metric >= self.target

    def score(self, metric: float) -> float:
        """Points for a metric: linear from ``floor`` (0) to ``target`` (all points)."""
        share = (metric - self.floor) / (self.target - self.floor)
        return self.points * min(1.0, max(0.0, share))


# -- exam blueprints -----------------------------------------------------------


Weight = Annotated[float, Field(gt=0)]


class Section(_Strict):
    title: Text
    # `written` draws written items; `practical` draws tasks; a task kind (`batch`, …)
    # draws practical tasks of that kind only.
    kind: Literal["written", "practical", "tensor", "batch", "model", "loop", "training"]
    count: Annotated[int, Field(ge=1)] | None = None
    pages: PageList | None = None
    types: Annotated[list[WrittenType], Field(min_length=1)] | None = None
    tasks: Annotated[list[ItemId], Field(min_length=1)] | None = None
    # `exam`: only items and tasks with a page in the syllabus; `beyond`: only those
    # without (the extra chapters). Left out: both.
    scope: Literal["exam", "beyond"] | None = None
    points_each: Annotated[float, Field(gt=0)]
    # `syllabus` (written sections): spread the draw over the syllabus entries — each
    # entry at least once when `count` allows, the rest by `weights`.
    stratify: Literal["syllabus"] | None = None
    # How likely each choice is drawn (default 1): task ids in a practical section,
    # syllabus entry titles in a stratified written section.
    weights: dict[str, Weight] | None = None
    # `family`: never two questions of one family in the attempt (model families for
    # tasks, e.g. a CNN to implement and a CNN to train; id families for written items).
    distinct: Literal["family"] | None = None

    @property
    def practical(self) -> bool:
        return self.kind != "written"

    @property
    def task_kind(self) -> str | None:
        """The task kind the section draws, when it names one."""
        return None if self.kind in ("written", "practical") else self.kind

    def problems(self) -> list[tuple[Loc, str]]:
        if self.kind == "written":
            found: list[tuple[Loc, str]] = []
            if self.count is None:
                found.append(((), "a written section needs `count`: how many items to draw"))
            if self.weights is not None and self.stratify is None:
                found.append(
                    (
                        ("weights",),
                        "a written section's `weights` are per syllabus entry: add "
                        "`stratify: syllabus`",
                    )
                )
            if self.tasks is not None:
                found.append(
                    (
                        ("tasks",),
                        "a written section draws items; `tasks` belongs to a practical section",
                    )
                )
            return found
        found = []
        if self.stratify is not None:
            found.append(
                (
                    ("stratify",),
                    "`stratify` spreads a written section over the syllabus; a practical "
                    "section draws by `kind` and `weights`",
                )
            )
        if self.types is not None:
            found.append(
                (
                    ("types",),
                    "a practical section draws tasks; `types` belongs to a written section",
                )
            )
        if self.tasks is None and self.count is None:
            found.append(((), "a practical section needs `tasks` (a list of task ids) or `count`"))
        if self.tasks is not None and self.pages is not None:
            found.append((("pages",), "give either `tasks` or `pages`, not both"))
        for i, task in enumerate(self.tasks or []):
            if task in (self.tasks or [])[:i]:
                found.append((("tasks", i), f"task {task!r} is listed twice"))
        if self.tasks is not None and self.count is not None and self.count > len(self.tasks):
            found.append(
                (("count",), f"`count` is {self.count} but only {len(self.tasks)} tasks are listed")
            )
        return found

    def size(self) -> int:
        """How many questions the section draws."""
        if self.count is not None:
            return self.count
        return len(self.tasks or [])


class Blueprint(_Strict):
    id: ItemId
    title: Text
    minutes: Annotated[float, Field(gt=0)]
    pass_percent: Annotated[float, Field(ge=0, le=100)] = 60
    description: str | None = None
    sections: list[Section]

    def problems(self) -> list[tuple[Loc, str]]:
        if not self.sections:
            return [(("sections",), "the blueprint has no sections")]
        found: list[tuple[Loc, str]] = []
        for i, section in enumerate(self.sections):
            found.extend((("sections", i, *loc), msg) for loc, msg in section.problems())
        return found

    @property
    def max_points(self) -> float:
        return sum(s.size() * s.points_each for s in self.sections)

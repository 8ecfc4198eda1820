"""The bank's task models: function tasks (hidden tests) and training tasks (a model
trained and scored), and the files a task folder holds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .contract import Contract
from .messages import suggest
from .mistakes import Mistake
from .models import ItemId, Loc, PageList, StrictModel, Text
from .said import said

TASK_FILES = ("task.yaml", "starter.py", "solution.py", "hidden_tests.py")

# What a task asks (shared spec tasks.md, "Kinds"); mock exam blueprints draw by it.
TaskKind = Literal["tensor", "batch", "model", "loop", "training"]
TASK_KINDS: tuple[str, ...] = ("tensor", "batch", "model", "loop", "training")
# A model family (`family: cnn`): a blueprint with `distinct: family` never draws two
# tasks of one family (a CNN to implement and a CNN to train).
Family = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]


class Task(StrictModel):
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
            message = said(
                "`kind: training` is for training tasks: add `type: training`, or give "
                "the kind of a function task (tensor, batch, model, loop)",
                "`kind: training`은 학습 과제에만 씁니다: `type: training`을 더하거나 "
                "함수 과제의 유형(`tensor`, `batch`, `model`, `loop`)을 쓰세요",
            )
            found.append((("kind",), message))
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


def _unknown_module(name: str, field: str) -> str:
    hint = suggest(name, NN_MODULES)
    known = ", ".join(NN_MODULES)
    return said(
        f"unknown module {name!r} in `{field}`{hint or f' (known: {known})'}",
        f"`{field}`의 {name!r}는 없는 모듈입니다{hint.ko or f' (있는 모듈: `{known}`)'}",
    )


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
            message = said(
                f"a training task's `kind` is `training`, got {self.kind!r}",
                f"학습 과제의 `kind`는 `training`이어야 하는데 {self.kind!r}입니다",
            )
            found.append((("kind",), message))
        if self.contract is not None:
            message = said(
                "a training task has no hidden tests to hold a contract",
                "학습 과제에는 계약(`contract`)을 검사할 숨은 테스트가 없습니다",
            )
            found.append((("contract",), message))
        found += self._metric_problems()
        for field in ("requires", "forbids"):
            for i, name in enumerate(getattr(self, field)):
                if name not in NN_MODULES:
                    found.append(((field, i), _unknown_module(name, field)))
        return found

    def _metric_problems(self) -> list[tuple[Loc, str]]:
        """``target`` and ``floor`` against the metric's direction and range."""
        found: list[tuple[Loc, str]] = []
        floor, target = self.floor, self.target
        if self.lower_is_better:
            if floor <= target:
                message = said(
                    f"`floor` {floor} must be above `target` {target}: "
                    f"{self.metric} is lower-is-better",
                    f"`floor` {floor}는 `target` {target}보다 커야 합니다: "
                    f"`{self.metric}`은 낮을수록 좋은 지표입니다",
                )
                found.append((("floor",), message))
            return found
        for field in ("target", "floor"):
            value = f"{getattr(self, field):g}"
            if getattr(self, field) > 1:
                message = said(
                    f"`{field}` must be ≤ 1.0, got {value}",
                    f"`{field}`는 1.0 이하여야 하는데 {value}입니다",
                )
                found.append(((field,), message))
        if floor >= target:
            message = said(
                f"`floor` {floor} must be below `target` {target}",
                f"`floor` {floor}는 `target` {target}보다 작아야 합니다",
            )
            found.append((("floor",), message))
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

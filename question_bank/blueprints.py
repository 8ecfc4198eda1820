"""Mock exam blueprints: sections that draw written items or practical tasks."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .models import ItemId, Loc, PageList, StrictModel, Text, WrittenType

Weight = Annotated[float, Field(gt=0)]


class Section(StrictModel):
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


class Blueprint(StrictModel):
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

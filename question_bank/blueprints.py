"""Mock exam blueprints: sections that draw written items or practical tasks."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .models import ItemId, Loc, PageList, StrictModel, Text, WrittenType
from .said import said

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
            return self._written_problems()
        found: list[tuple[Loc, str]] = []
        if self.stratify is not None:
            message = said(
                "`stratify` spreads a written section over the syllabus; a practical "
                "section draws by `kind` and `weights`",
                "`stratify`는 필기 영역을 출제 범위에 고루 나눕니다; 실기 영역은 "
                "`kind`와 `weights`로 뽑습니다",
            )
            found.append((("stratify",), message))
        if self.types is not None:
            message = said(
                "a practical section draws tasks; `types` belongs to a written section",
                "실기 영역은 과제를 뽑습니다; `types`는 필기 영역에 씁니다",
            )
            found.append((("types",), message))
        if self.tasks is None and self.count is None:
            message = said(
                "a practical section needs `tasks` (a list of task ids) or `count`",
                "실기 영역에는 `tasks`(과제 id 목록)나 `count`가 필요합니다",
            )
            found.append(((), message))
        if self.tasks is not None and self.pages is not None:
            message = said(
                "give either `tasks` or `pages`, not both",
                "`tasks`와 `pages` 중 하나만 쓰세요",
            )
            found.append((("pages",), message))
        for i, task in enumerate(self.tasks or []):
            if task in (self.tasks or [])[:i]:
                message = said(f"task {task!r} is listed twice", f"과제 {task!r}가 두 번 있습니다")
                found.append((("tasks", i), message))
        if self.tasks is not None and self.count is not None and self.count > len(self.tasks):
            listed = len(self.tasks)
            message = said(
                f"`count` is {self.count} but only {listed} tasks are listed",
                f"`count`는 {self.count}인데 적힌 과제는 {listed}개뿐입니다",
            )
            found.append((("count",), message))
        return found

    def _written_problems(self) -> list[tuple[Loc, str]]:
        found: list[tuple[Loc, str]] = []
        if self.count is None:
            message = said(
                "a written section needs `count`: how many items to draw",
                "필기 영역에는 `count`(뽑을 문항 수)가 필요합니다",
            )
            found.append(((), message))
        if self.weights is not None and self.stratify is None:
            message = said(
                "a written section's `weights` are per syllabus entry: add `stratify: syllabus`",
                "필기 영역의 `weights`는 출제 범위 항목별입니다: `stratify: syllabus`를 더하세요",
            )
            found.append((("weights",), message))
        if self.tasks is not None:
            message = said(
                "a written section draws items; `tasks` belongs to a practical section",
                "필기 영역은 문항을 뽑습니다; `tasks`는 실기 영역에 씁니다",
            )
            found.append((("tasks",), message))
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
            return [
                (
                    ("sections",),
                    said("the blueprint has no sections", "모의고사 설계에 영역이 없습니다"),
                )
            ]
        found: list[tuple[Loc, str]] = []
        for i, section in enumerate(self.sections):
            found.extend((("sections", i, *loc), msg) for loc, msg in section.problems())
        return found

    @property
    def max_points(self) -> float:
        return sum(s.size() * s.points_each for s in self.sections)

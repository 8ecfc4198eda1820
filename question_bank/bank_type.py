"""The :class:`Bank`: everything loaded from one or more bank folders, and its draw pools."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .blueprints import Blueprint, Section
from .glossary import Glossary
from .models import Item, SyllabusEntry
from .pages import overlaps
from .problems import Location
from .scope import in_section_scope
from .tasks import Task


@dataclass
class Bank:
    """Everything loaded from one or more bank folders."""

    folders: list[Path] = field(default_factory=list)
    syllabus: list[SyllabusEntry] = field(default_factory=list)
    items: dict[str, Item] = field(default_factory=dict)
    tasks: dict[str, Task] = field(default_factory=dict)
    exams: dict[str, Blueprint] = field(default_factory=dict)
    where: dict[str, Location] = field(default_factory=dict)
    glossary: Glossary = field(default_factory=Glossary)  # every folder's glossary.yaml

    @property
    def written(self) -> list[Item]:
        return [i for i in self.items.values() if i.kind == "written"]

    @property
    def flashcards(self) -> list[Item]:
        return [i for i in self.items.values() if i.kind == "flashcard"]

    def written_pool(self, section: Section) -> list[Item]:
        """The written items a blueprint section may draw from."""
        return [
            item
            for item in self.written
            if (section.types is None or item.type in section.types)
            and (section.pages is None or overlaps(item.pages or [], section.pages))
            and in_section_scope(item.pages, section, self.syllabus)
        ]

    def task_pool(self, section: Section) -> list[Task]:
        """The tasks a practical blueprint section may draw from."""
        kind = section.task_kind
        if section.tasks is not None:
            listed = [self.tasks[t] for t in section.tasks if t in self.tasks]
            return [t for t in listed if kind is None or t.kind == kind]
        return [
            task
            for task in self.tasks.values()
            if (section.pages is None or overlaps(task.pages, section.pages))
            and (kind is None or task.kind == kind)
            and in_section_scope(task.pages, section, self.syllabus)
        ]

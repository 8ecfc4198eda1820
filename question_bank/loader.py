"""Load and validate bank folders, reporting every problem as ``path:line: message``.

A bank folder holds ``syllabus.yaml``, ``items/*.yaml``, ``tasks/<id>/`` and
``exams/*.yaml`` (see docs/bank-format.md). :func:`load_banks` reads the
bundled bank plus any number of user folders into one :class:`Bank` and
returns all problems found, so that an author fixes everything in one pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .bank import content_dir
from .bank_type import Bank
from .blueprints import Blueprint
from .collector import Collector
from .equivalents import load_equivalents
from .exam_checks import check_exam
from .glossary import TermSet, load_glossary, merge_sets
from .glossary_check import option_problems
from .messages import kind_of, suggest
from .mistakes import MISTAKES_FILE, load_mistakes
from .models import ITEM_TYPES, ItemFile, SyllabusEntry
from .problems import BankError, Location, Problem
from .said import said
from .task_files import check_data_files, check_python
from .tasks import TASK_FILES, Task, TrainingTask
from .yaml_lines import LineDict, LineList, load_yaml

YAML_SUFFIXES = (".yaml", ".yml")
_MISPLACED_MISTAKES = said(
    f"mistakes belong in {MISTAKES_FILE}", f"`mistakes`는 {MISTAKES_FILE}에 씁니다"
)


def bundled_bank_dir() -> Path:
    """The bank shipped inside the ``question_bank`` package (:mod:`question_bank.bank`)."""
    return content_dir()


class _Loader:
    def __init__(self) -> None:
        self.bank = Bank()
        self.report = Collector()
        self.broken_tasks: set[str] = set()  # task folders with problems: not "unknown" too
        self.term_sets: list[TermSet] = []  # every folder's glossary.yaml, merged at the end

    def define(self, kind: str, ident: str, where: Location) -> bool:
        """Register an id; report a duplicate (naming both places) and refuse it."""
        first = self.bank.where.get(ident)
        if first is not None:
            self.report.add(
                where.path,
                where.line,
                said(
                    f"duplicate id {ident!r}: already defined at {first}",
                    f"id {ident!r}가 중복됩니다: 이미 {first}에 있습니다",
                ),
            )
            return False
        self.bank.where[ident] = where
        return True

    # syllabus.yaml
    def load_syllabus(self, path: Path) -> None:
        data, problems = load_yaml(path)
        self.report.problems.extend(problems)
        if data is None:
            return
        if not isinstance(data, LineList):
            self.report.add(
                path,
                getattr(data, "line", 1),
                said(
                    "syllabus.yaml must be a list of entries (- title: …, pages: […])",
                    "syllabus.yaml은 항목의 목록이어야 합니다 (`- title: …, pages: […]`)",
                ),
            )
            return
        for i, raw in enumerate(data):
            line = data.line_of(i)
            if not isinstance(raw, LineDict):
                self.report.add(
                    path,
                    line,
                    said(
                        "a syllabus entry must be a mapping with `title` and `pages`",
                        "강의 계획 항목은 `title`과 `pages`가 있는 매핑이어야 합니다",
                    ),
                )
                continue
            what = said("syllabus entry", "강의 계획 항목")
            entry = self.report.validate(SyllabusEntry, raw, path, what=what)
            if entry is not None:
                self.bank.syllabus.append(entry)

    # items/*.yaml
    def load_items(self, path: Path) -> None:
        data, problems = load_yaml(path)
        self.report.problems.extend(problems)
        if data is None:
            return
        if not isinstance(data, LineDict):
            self.report.add(
                path,
                getattr(data, "line", 1),
                said(
                    "an items file is a mapping with an `items:` list (and optional `topic`, `pages`, `tags` defaults)",
                    "문항 파일은 `items:` 목록이 있는 매핑입니다 (기본값 `topic`, `pages`, `tags`는 선택)",
                ),
            )
            return
        header = {k: v for k, v in data.items() if k != "items"}
        header_raw = _with_lines(header, data)
        head = self.report.validate(
            ItemFile,
            _with_lines({**header, "items": []}, data),
            path,
            what=said("items file", "문항 파일"),
        )
        if "items" not in data:
            self.report.add(
                path,
                data.line,
                said(
                    "items file: missing field 'items' (the list of items)",
                    "문항 파일: 'items' 항목(문항 목록)이 없습니다",
                ),
            )
            return
        raw_items = data["items"]
        if not isinstance(raw_items, LineList):
            got = kind_of(raw_items)
            self.report.add(
                path,
                data.line_of("items"),
                said(
                    f"`items` must be a list, got {got}",
                    f"`items`는 목록이어야 하는데 {got.ko}입니다",
                ),
            )
            return
        defaults: dict[str, Any] = {}
        if head is not None:
            defaults = {
                k: header[k] for k in ("topic", "pages", "tags") if header.get(k) is not None
            }
        for i, raw in enumerate(raw_items):
            self.load_item(path, raw, raw_items.line_of(i), defaults, header_raw)

    def load_item(
        self, path: Path, raw: Any, line: int, defaults: dict[str, Any], header: LineDict
    ) -> None:
        if not isinstance(raw, LineDict):
            got = kind_of(raw)
            self.report.add(
                path,
                line,
                said(
                    f"an item must be a mapping (id:, type:, …), got {got}",
                    f"문항은 매핑(`id:`, `type:`, …)이어야 하는데 {got.ko}입니다",
                ),
            )
            return
        kind = raw.get("type")
        ident = raw.get("id")
        label = f"item {ident!r}" if isinstance(ident, str) else "item"
        ko_label = f"문항 {ident!r}" if isinstance(ident, str) else "문항"
        types = ", ".join(ITEM_TYPES)
        if kind is None:
            self.report.add(
                path,
                raw.line,
                said(
                    f"{label}: missing field 'type' (one of: {types})",
                    f"{ko_label}: 'type' 항목이 없습니다 (다음 중 하나: `{types}`)",
                ),
            )
            return
        model = ITEM_TYPES.get(kind) if isinstance(kind, str) else None
        if model is None:
            hint = suggest(str(kind), ITEM_TYPES)
            self.report.add(
                path,
                raw.line_of("type"),
                said(
                    f"{label}: unknown type {kind!r}{hint or f' (expected one of: {types})'}",
                    f"{ko_label}: 없는 유형 {kind!r}{hint.ko or f' (다음 중 하나: `{types}`)'}",
                ),
            )
            return
        merged = {**defaults, **raw}
        what = said(f"{kind} {label}", f"{kind} {ko_label}")
        item = self.report.validate(
            model, _with_lines(merged, raw), path, what=what, fallback=header
        )
        if item is None:
            return
        self.report.semantic(item, raw, path)
        if self.define("item", item.id, Location(path, raw.line_of("id"))):
            self.bank.items[item.id] = item

    # tasks/<id>/
    def load_task(self, folder: Path) -> None:
        self.broken_tasks.add(folder.name)
        spec = folder / "task.yaml"
        if not spec.is_file():
            missing = [name for name in TASK_FILES if not (folder / name).is_file()]
            names = ", ".join(missing)
            self.report.add(
                folder,
                1,
                said(f"task folder is missing {names}", f"과제 폴더에 {names}가 없습니다"),
            )
            return
        data, problems = load_yaml(spec)
        self.report.problems.extend(problems)
        if data is None:
            return
        if not isinstance(data, LineDict):
            self.report.add(
                spec,
                getattr(data, "line", 1),
                said(
                    "task.yaml must be a mapping (id:, title:, pages:, prompt:, …)",
                    "task.yaml은 매핑(`id:`, `title:`, `pages:`, `prompt:`, …)이어야 합니다",
                ),
            )
            return
        training = data.get("type") == "training"
        wanted = TASK_FILES[:3] if training else TASK_FILES
        missing = [name for name in wanted if not (folder / name).is_file()]
        if missing:
            names = ", ".join(missing)
            self.report.add(
                spec,
                1,
                said(
                    f"task folder {folder.name!r} is missing {names}",
                    f"과제 폴더 {folder.name!r}에 {names}가 없습니다",
                ),
            )
        if "mistakes" in data:
            self.report.add(spec, data.line_of("mistakes"), _MISPLACED_MISTAKES)
            return
        model = TrainingTask if training else Task
        what = said("training task", "학습 과제") if training else said("task", "과제")
        task = self.report.validate(model, data, spec, what=what)
        for name in wanted[1:]:
            if name not in missing:
                check_python(self.report, folder / name)
        if task is None:
            return
        if task.id != folder.name:
            self.report.add(
                spec,
                data.line_of("id"),
                said(
                    f"task id {task.id!r} differs from its folder name {folder.name!r}",
                    f"과제 id {task.id!r}가 폴더 이름 {folder.name!r}과 다릅니다",
                ),
            )
            return
        before = len(self.report.problems)
        self.report.semantic(task, data, spec)
        if isinstance(task, TrainingTask):
            check_data_files(self.report, task, data, folder)
        if len(self.report.problems) > before:
            return
        if missing:
            return
        try:
            solution = (folder / "solution.py").read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            return  # reported by check_python
        mistakes, problems = load_mistakes(folder, solution)
        equivalent, more = load_equivalents(folder)
        self.report.problems.extend([*problems, *more])
        if self.define("task", task.id, Location(spec, data.line_of("id"))):
            update = {"folder": folder, "mistakes": tuple(mistakes), "equivalent": equivalent}
            self.bank.tasks[task.id] = task.model_copy(update=update)
            self.broken_tasks.discard(folder.name)

    # exams/*.yaml
    def load_exam(self, path: Path) -> tuple[Blueprint, LineDict] | None:
        data, problems = load_yaml(path)
        self.report.problems.extend(problems)
        if data is None:
            return None
        if not isinstance(data, LineDict):
            self.report.add(
                path,
                getattr(data, "line", 1),
                said(
                    "a blueprint must be a mapping (id:, title:, minutes:, sections:)",
                    "모의고사 설계는 매핑(`id:`, `title:`, `minutes:`, `sections:`)이어야 합니다",
                ),
            )
            return None
        what = said("blueprint", "모의고사 설계")
        blueprint = self.report.validate(Blueprint, data, path, what=what)
        if blueprint is None:
            return None
        self.report.semantic(blueprint, data, path)
        if not self.define("exam", blueprint.id, Location(path, data.line_of("id"))):
            return None
        self.bank.exams[blueprint.id] = blueprint
        return blueprint, data

    def load_folder(self, folder: Path) -> list[tuple[Path, Blueprint, LineDict]]:
        self.bank.folders.append(folder)
        parts = [folder / "syllabus.yaml", folder / "items", folder / "tasks", folder / "exams"]
        if not any(p.exists() for p in [*parts, folder / "glossary.yaml"]):
            self.report.add(
                folder,
                1,
                said(
                    "not a bank folder: expected syllabus.yaml, items/, tasks/ or exams/ in it",
                    "문제 은행 폴더가 아닙니다: syllabus.yaml, items/, tasks/, exams/ 중 하나가 있어야 합니다",
                ),
            )
            return []
        if parts[0].exists():
            self.load_syllabus(parts[0])
        sets, problems = load_glossary(folder)
        self.term_sets.extend(sets)
        self.report.problems.extend(problems)
        for path in _yaml_files(parts[1]):
            self.load_items(path)
        if parts[2].is_dir():
            for sub in sorted(
                p for p in parts[2].iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
            ):
                self.load_task(sub)
        exams = []
        for path in _yaml_files(parts[3]):
            loaded = self.load_exam(path)
            if loaded is not None:
                exams.append((path, *loaded))
        return exams


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())


def _with_lines(merged: dict[str, Any], raw: LineDict) -> LineDict:
    out = LineDict(merged)
    out.line, out.key_lines = raw.line, raw.key_lines
    return out


def load_banks(folders: Sequence[Path] = (), *, bundled: bool = True) -> tuple[Bank, list[Problem]]:
    """Load the bundled bank (unless ``bundled=False``) and ``folders`` as one bank.

    Never raises for bad content: returns the bank built from what was valid,
    and every problem found, sorted by file and line.
    """
    loader = _Loader()
    roots = ([bundled_bank_dir()] if bundled else []) + [Path(f) for f in folders]
    exams = []
    for root in roots:
        exams.extend(loader.load_folder(root))
    # Blueprints are checked once every folder is in, as pools span all banks.
    for path, blueprint, raw in exams:
        check_exam(loader.bank, loader.broken_tasks, loader.report, path, blueprint, raw)
    # The glossary spans all banks too: one set per term, and no wrong option made right.
    loader.bank.glossary, problems = merge_sets(loader.term_sets)
    loader.report.problems.extend([*problems, *option_problems(loader.bank)])
    return loader.bank, sorted(set(loader.report.problems))


def load_bank(folders: Sequence[Path] = (), *, bundled: bool = True) -> Bank:
    """Like :func:`load_banks`, but raise :class:`BankError` when there is any problem."""
    bank, problems = load_banks(folders, bundled=bundled)
    if problems:
        raise BankError(problems)
    return bank

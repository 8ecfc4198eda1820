"""The shape of the house: no import cycles, small files, short functions.

Issue 27's rules, checked on the source itself so they cannot erode unnoticed:
an import cycle (other than one through ``TYPE_CHECKING``) makes modules that can
only change together; a screen that imports the app reaches around its context;
the grader must not know the bank's engine; and a file past 450 lines or a
function past 80 is where a second concern has moved in.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("quizapp", "question_bank", "grader")

#: Data tables: sentences in every language, one entry per key. Long by nature.
DATA_TABLES = {
    "quizapp/i18n.py",
    "quizapp/i18n_cli.py",
    "quizapp/i18n_plan.py",
    "quizapp/i18n_class.py",
    "grader/verdict/messages.py",
    "question_bank/messages.py",
}
MAX_FILE_LINES = 450
MAX_FUNCTION_LINES = 80


def _sources() -> Iterator[Path]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative.startswith("question_bank/bank/"):
                continue  # the bundled bank's task files are content, not engine code
            yield path


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True)


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph.modules):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles(graph: grimp.ImportGraph) -> None:
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    """The check above could pass by finding nothing; show it finds a planted cycle."""
    planted = grimp.ImportGraph()
    for name in ("a", "a.x", "a.y", "a.z"):
        planted.add_module(name)
    planted.add_import(importer="a.x", imported="a.y")
    planted.add_import(importer="a.y", imported="a.x")
    planted.add_import(importer="a.z", imported="a.x")
    assert _cycles(planted) == [["a.x", "a.y"]]


def test_no_screen_or_widget_imports_the_app(graph: grimp.ImportGraph) -> None:
    importers = graph.find_modules_that_directly_import("quizapp.tui.app")
    offenders = sorted(
        m for m in importers if m.startswith(("quizapp.tui.screens", "quizapp.tui.widgets"))
    )
    assert offenders == []


def test_the_grader_does_not_import_the_bank_engine(graph: grimp.ImportGraph) -> None:
    offenders = sorted(
        importer
        for importer in graph.find_downstream_modules("question_bank", as_package=True)
        if importer.startswith("grader")
        and any(
            i.startswith("question_bank") for i in graph.find_modules_directly_imported_by(importer)
        )
    )
    assert offenders == []


def test_no_source_file_is_over_the_limit() -> None:
    long_files = {}
    for path in _sources():
        relative = path.relative_to(ROOT).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_FILE_LINES and relative not in DATA_TABLES:
            long_files[relative] = lines
    assert long_files == {}
    assert all((ROOT / table).is_file() for table in DATA_TABLES)  # no stale exemption


def test_no_function_is_over_the_limit() -> None:
    long_functions = {}
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    where = f"{path.relative_to(ROOT).as_posix()}:{node.lineno} {node.name}"
                    long_functions[where] = length
    assert long_functions == {}

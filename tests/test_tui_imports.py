"""The interface's screens and widgets get what they need from their context: none imports
the app module (the app imports them), and no import goes round in a circle inside
``quizapp.tui`` (imports made only for the type checker do not count).

Statically (grimp, which reads every import, those inside functions too) and in a fresh
interpreter, so that nothing the test session imported can hide an import.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import grimp
import pytest

import quizapp.tui.screens
import quizapp.tui.widgets

APP = "quizapp.tui.app"


def _submodules(package: object) -> list[str]:
    path = package.__path__  # type: ignore[attr-defined]
    return sorted(m.name for m in pkgutil.iter_modules(path, package.__name__ + "."))  # type: ignore[attr-defined]


SCREENS_AND_WIDGETS = _submodules(quizapp.tui.screens) + _submodules(quizapp.tui.widgets)


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("quizapp", exclude_type_checking_imports=True)


def test_no_screen_or_widget_imports_the_app(graph: grimp.ImportGraph) -> None:
    assert len(SCREENS_AND_WIDGETS) > 20
    reaching = [m for m in SCREENS_AND_WIDGETS if graph.chain_exists(importer=m, imported=APP)]
    assert reaching == [], [graph.find_shortest_chain(importer=m, imported=APP) for m in reaching]


def _cycles(graph: grimp.ImportGraph, prefix: str) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    modules = sorted(m for m in graph.modules if m.startswith(prefix))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if not imported.startswith(prefix):
                continue
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                popped = stack.pop()
                group.append(popped)
                if popped == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in modules:
        if module not in index:
            visit(module)
    return found


def test_no_import_cycle_in_the_interface(graph: grimp.ImportGraph) -> None:
    assert _cycles(graph, "quizapp.tui") == []


def test_importing_every_screen_and_widget_leaves_the_app_unloaded() -> None:
    imports = "\n".join(f"import {m}" for m in SCREENS_AND_WIDGETS)
    probe = f"{imports}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout.splitlines()[-1]))
    assert APP not in loaded
    assert "torch" not in loaded

"""Keys of every screen, in the interface language, read from the screens' own bindings.

Each section lists the bindings (with an id) of the classes it names: the key as the
footer shows it, and the binding's label ``key.<id>`` (see :mod:`quizapp.tui.keys`).
Bindings that share an id make one row ("1–9").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.widgets import Markdown

from ..keys import AppKeys, label
from ..widgets.answer import ChoiceList, MultiChoiceList
from .base import QuizModalScreen
from .browse import BrowseScreen
from .classroom import ClassScreen
from .confirm import ConfirmScreen
from .exam_blueprint import BlueprintScreen
from .exam_results import ExamResultsScreen
from .exam_sit import ExamSitScreen
from .exam_submit import ExamSubmitScreen
from .exams import ExamsScreen
from .history import HistoryScreen
from .home import HomeScreen
from .item import ItemScreen
from .mistakes import MistakesScreen
from .practice import PracticeScreen
from .settings import SettingsScreen
from .solution import SolutionScreen
from .stats import StatsScreen
from .study import StudyScreen
from .task import TaskScreen

# Textual's own key for the command palette (not in any BINDINGS list).
PALETTE = Binding(App.COMMAND_PALETTE_BINDING, "command_palette", "Commands", id="palette")


@dataclass(frozen=True)
class Section:
    name: str  # its title is the i18n entry help.section.<name>
    owners: tuple[type[DOMNode], ...]
    extra: tuple[Binding, ...] = ()

    def bindings(self) -> Iterator[Binding]:
        yield from self.extra
        for owner in self.owners:
            for binding in owner.BINDINGS:
                if isinstance(binding, Binding) and binding.id and binding.description:
                    yield binding


@dataclass(frozen=True)
class Row:
    keys: tuple[str, ...]
    binding_id: str
    description: str


def rows(section: Section) -> list[Row]:
    """One row per binding id, with every key bound to it, in the order declared."""
    found: dict[str, Row] = {}
    for binding in section.bindings():
        assert binding.id is not None
        keys = tuple(k.strip() for k in binding.key.split(","))
        seen = found.get(binding.id)
        if seen is None:
            found[binding.id] = Row(keys, binding.id, binding.description)
        else:
            found[binding.id] = Row(seen.keys + keys, seen.binding_id, seen.description)
    return list(found.values())


def keys_text(keys: tuple[str, ...], display: Callable[[str], str]) -> str:
    digits = [k for k in keys if k.isdigit()]
    if len(digits) > 2 and digits == [str(n) for n in range(int(digits[0]), int(digits[-1]) + 1)]:
        others = [k for k in keys if not k.isdigit()]
        return " ".join([f"`{digits[0]}`–`{digits[-1]}`", *(f"`{display(k)}`" for k in others)])
    return " ".join(f"`{display(k)}`" for k in keys)


SECTIONS = (
    Section("anywhere", (AppKeys,), extra=(PALETTE,)),
    Section("home", (HomeScreen,)),
    Section("study", (StudyScreen, ChoiceList, MultiChoiceList)),
    Section("mistakes", (MistakesScreen,)),
    Section("practice", (PracticeScreen,)),
    Section("task", (TaskScreen,)),
    Section("history", (HistoryScreen,)),
    Section("solution", (SolutionScreen,)),
    Section("exams", (ExamsScreen,)),
    Section("blueprint", (BlueprintScreen,)),
    Section("exam", (ExamSitScreen,)),
    Section("exam-submit", (ExamSubmitScreen,)),
    Section("confirm", (ConfirmScreen,)),
    Section("exam-results", (ExamResultsScreen,)),
    Section("stats", (StatsScreen,)),
    Section("settings", (SettingsScreen,)),
    Section("browse", (BrowseScreen,)),
    Section("item", (ItemScreen,)),
    Section("class", (ClassScreen,)),
)


def help_markdown(lang: str, t: Callable[[str], str], display: Callable[[str], str]) -> str:
    lines = [f"# {t('help.title')}"]
    for section in SECTIONS:
        lines += ["", f"## {t(f'help.section.{section.name}')}", ""]
        lines += [f"| {t('help.col.key')} | {t('help.col.action')} |", "|---|---|"]
        for row in rows(section):
            text = label(row.binding_id, lang, row.description)
            lines.append(f"| {keys_text(row.keys, display)} | {text} |")
    return "\n".join(lines) + "\n"


class HelpScreen(QuizModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "Close", id="close")]

    def compose(self) -> ComposeResult:
        def display(key: str) -> str:
            return self.app.get_key_display(Binding(key, ""))

        with VerticalScroll(id="help"):
            yield Markdown(help_markdown(self.lang, self.t, display), id="help-body")

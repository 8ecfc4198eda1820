"""Every key in the footer has a label in both languages, and the label follows --lang."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

import quizapp.tui.screens
import quizapp.tui.widgets
from quizapp.i18n import MESSAGES
from quizapp.settings import resolve
from quizapp.study import CardFilter
from quizapp.tui import keys as app_module  # the app's own keys: AppKeys, its base class
from quizapp.tui.app import QuizApp, Start
from quizapp.tui.widgets.answer import MultiChoiceList

from .conftest import wait_ready


def all_bindings() -> list[tuple[type[DOMNode], Binding]]:
    """Every labelled binding declared by a class of the app, its screens and widgets."""
    modules = [app_module] + [
        importlib.import_module(m.name)
        for package in (quizapp.tui.screens, quizapp.tui.widgets)
        for m in pkgutil.iter_modules(package.__path__, package.__name__ + ".")
    ]
    found = []
    for module in modules:
        for obj in vars(module).values():
            if (
                inspect.isclass(obj)
                and issubclass(obj, DOMNode)
                and obj.__module__ == module.__name__
            ):
                for binding in obj.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding) and binding.description:
                        found.append((obj, binding))
    return found


def test_every_labelled_binding_has_an_id_and_both_translations() -> None:
    bindings = all_bindings()
    assert len(bindings) > 20
    for owner, binding in bindings:
        where = owner.__qualname__
        assert binding.id, f"{where}: binding {binding.key!r} has no id"
        entry = MESSAGES.get(f"key.{binding.id}")
        assert entry is not None, f"{where}: no i18n entry key.{binding.id}"
        assert entry.get("ko") and entry.get("en"), binding.id


@pytest.mark.parametrize(
    ("lang", "review", "back"), [("ko", "복습", "뒤로"), ("en", "Review", "Back")]
)
async def test_footer_labels_follow_the_language(
    app_factory: Callable[..., QuizApp], tmp_path: object, lang: str, review: str, back: str
) -> None:
    settings = resolve(data_dir=str(tmp_path) + "/data", lang=lang, profile="student")  # type: ignore[operator]
    app = app_factory(settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        labels = {b.binding.description for b in app.screen.active_bindings.values()}
        assert review in labels
        await pilot.press("b")
        await pilot.pause()
        labels = {b.binding.description for b in app.screen.active_bindings.values()}
        assert back in labels


async def test_a_focused_answer_widget_labels_its_footer_keys_in_the_language(
    app_factory: Callable[..., QuizApp],
) -> None:
    """The multiple-choice list's enter (submit) is shown in the footer in Korean too."""
    choices = CardFilter(types=frozenset({"multiple_choice"}))
    app = app_factory(start=Start("quiz", card_filter=choices, count=1))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        for _ in range(100):
            if isinstance(app.focused, MultiChoiceList):
                break
            await pilot.pause(0.05)
        assert isinstance(app.focused, MultiChoiceList)
        await pilot.pause()
        footer = {b.binding.key: b.binding.description for b in app.screen.active_bindings.values()}
        assert footer["enter"] == "제출"

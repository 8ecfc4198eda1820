"""The help screen is generated from the bindings: every key shown in a footer is in it,
with its label in the interface language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.widgets import Markdown

from quizapp.i18n import MESSAGES, translate
from quizapp.settings import resolve
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.bank_errors import BankErrorsScreen
from quizapp.tui.screens.fatal import FatalScreen
from quizapp.tui.screens.help import SECTIONS, HelpScreen

from .conftest import wait_ready
from .test_keys import all_bindings

# Shown instead of the app (no bank, no store) and the help itself: nothing to look up there.
NOT_IN_HELP = {BankErrorsScreen, FatalScreen, HelpScreen}


def footer_bindings() -> list[tuple[type, str, str]]:
    """(class, binding id, first key) of every binding a footer shows."""
    return [
        (owner, binding.id, binding.key.split(",")[0].strip())
        for owner, binding in all_bindings()
        if binding.show and binding.id and owner not in NOT_IN_HELP
    ]


def test_every_screen_with_footer_keys_has_a_help_section() -> None:
    listed = {owner for section in SECTIONS for owner in section.owners}
    shown = footer_bindings()
    assert len(shown) > 30
    for owner, binding_id, _ in shown:
        assert owner in listed, f"{owner.__qualname__} (key {binding_id}) has no help section"
        entry = MESSAGES.get(f"key.{binding_id}", {})
        assert entry.get("ko") and entry.get("en"), f"key.{binding_id} needs ko and en"
    for section in SECTIONS:
        entry = MESSAGES[f"help.section.{section.name}"]
        assert entry.get("ko") and entry.get("en"), section.name


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_help_lists_every_footer_key_with_its_label(
    app_factory: Callable[..., QuizApp], tmp_path: Path, lang: str
) -> None:
    settings = resolve(data_dir=str(tmp_path / "data"), lang=lang, profile="student")
    app = app_factory(settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = app.screen.query_one("#help-body", Markdown).source.splitlines()
        for _, binding_id, key in footer_bindings():
            text = translate(f"key.{binding_id}", lang)
            shown = f"`{app.get_key_display(Binding(key, ''))}`"
            assert any(f"| {text} |" in line and shown in line for line in lines), (
                f"help ({lang}) has no row for {key} ({binding_id}: {text})"
            )
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)

"""Textual's own command palette and system commands, in the interface language.

Textual writes its palette texts in English (the placeholder, "No matches found",
the system commands Theme, Quit, Keys, Maximize, Screenshot); the app opens this
palette instead, and yields the system commands from :func:`system_commands`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from textual.screen import Screen

    from .app import QuizApp


class Palette(CommandPalette):
    """The command palette with its own words translated."""

    def __init__(self, no_matches: str, placeholder: str, **kwargs: object) -> None:
        super().__init__(placeholder=placeholder, **kwargs)  # type: ignore[arg-type]
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's, with the "no matches" line in the interface language."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.no_matches, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def system_commands(app: QuizApp, screen: Screen[object]) -> Iterable[SystemCommand]:
    """Textual's system commands (theme, quit, keys, maximize, screenshot), translated."""
    t = app.t
    yield SystemCommand(t("palette.theme"), t("palette.theme.help"), app.action_change_theme)
    yield SystemCommand(t("palette.quit"), t("palette.quit.help"), app.action_quit)
    if screen.query("HelpPanel"):
        yield SystemCommand(t("palette.keys"), t("palette.keys.hide"), app.action_hide_help_panel)
    else:
        yield SystemCommand(t("palette.keys"), t("palette.keys.show"), app.action_show_help_panel)
    if screen.maximized is not None:
        yield SystemCommand(
            t("palette.minimize"), t("palette.minimize.help"), screen.action_minimize
        )
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(
            t("palette.maximize"), t("palette.maximize.help"), screen.action_maximize
        )
    yield SystemCommand(
        t("palette.screenshot"),
        t("palette.screenshot.help"),
        lambda: app.set_timer(0.1, app.deliver_screenshot),
    )

"""Footer labels in the interface language.

Textual reads a binding's label from its ``description``, fixed where the
class declares ``BINDINGS``. Every binding here has an ``id``; its label is
the i18n entry ``key.<id>`` (English when there is none), set on each screen's
own copy of its bindings when the screen is pushed.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from ..i18n import MESSAGES, translate


class AppKeys(App[None]):
    """The app's own keys, on every screen: declared here, below the app, so that the help
    screen lists them without importing the app."""

    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        # not in the footer (80 columns are scarce): the help, the palette and every
        # dialog name it, and mid-exam it asks first
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True, show=False),
    ]


# bindings Textual adds itself, without an id: their labels by action
SYSTEM_ACTIONS = {"command_palette": "palette-short", "app.command_palette": "palette-short"}


def label(binding_id: str | None, lang: str, fallback: str, action: str = "") -> str:
    binding_id = binding_id or SYSTEM_ACTIONS.get(action)
    key = f"key.{binding_id}"
    return translate(key, lang) if binding_id and key in MESSAGES else fallback


def translate_bindings(node: DOMNode, lang: str) -> None:
    bindings = node._bindings  # the node's own copy (Textual copies the class map per node)
    for key, found in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [
            replace(
                b,
                description=label(b.id, lang, b.description, b.action),
                tooltip=label(b.id, lang, b.tooltip, b.action) if b.tooltip else b.tooltip,
            )
            if b.description
            else b
            for b in found
        ]

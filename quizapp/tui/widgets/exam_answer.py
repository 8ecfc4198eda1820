"""Answer widgets in a mock exam (the quiz's, from :mod:`.answer`): the saved answer put back
on resume, and the answer typed but not yet confirmed read out when the student moves on
(so it is stored, not lost).

No feedback is shown here: the verdict waits for the results.
"""

from __future__ import annotations

from typing import Any

from textual.widget import Widget
from textual.widgets import Input

from .answer import BlankInputs, ChoiceList, MultiChoiceList, TypedAnswer

KEEP: Any = object()  # "this widget holds nothing unconfirmed": it stores on pick


def prefill(widget: Widget, saved: Any) -> None:
    """Show a saved answer in a mounted widget (a resumed attempt, a revisited question)."""
    if saved is None:
        return
    if isinstance(widget, ChoiceList):
        if saved in widget.values:
            widget.highlighted = widget.values.index(saved)
    elif isinstance(widget, MultiChoiceList):
        chosen = set(saved) if isinstance(saved, list) else set()
        for choice in widget.choices:
            if choice in chosen:
                widget.select(choice)
    elif isinstance(widget, TypedAnswer):
        widget.value = str(saved)
    elif isinstance(widget, BlankInputs) and isinstance(saved, list):
        for field, text in zip(widget.query(Input), saved, strict=False):
            field.value = str(text)


def pending(widget: Widget) -> Any:
    """What the widget holds now, as a response; None when it is empty.

    Single choices and true/false are stored the moment they are picked: for them
    (and anything else) this is :data:`KEEP`.
    """
    if isinstance(widget, MultiChoiceList):
        return list(widget.selected) or None
    if isinstance(widget, TypedAnswer):
        return widget.value if widget.value.strip() else None
    if isinstance(widget, BlankInputs):
        values = [field.value for field in widget.query(Input)]
        return values if any(v.strip() for v in values) else None
    return KEEP

"""Answer widgets in a mock exam: the quiz's widgets (:mod:`.answer`), with the choices in the
attempt's own order, the saved answer put back on resume, and the answer typed but not yet
confirmed read out when the student moves on (so it is stored, not lost).

No feedback is shown here: the verdict waits for the results.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widget import Widget
from textual.widgets import Input

from question_bank import Cloze, MultipleChoice, Numeric, ShortAnswer, SingleChoice, TrueFalse
from quizapp.exam.view import shown_choices

from .answer import BlankInputs, ChoiceList, MultiChoiceList, TypedAnswer

Translate = Callable[..., str]
KEEP: Any = object()  # "this widget holds nothing unconfirmed": it stores on pick


def exam_answer_widget(item: Any, seed: int, t: Translate) -> tuple[Widget, str]:
    """The widget for ``item`` in an attempt drawn with ``seed``, and its key hint."""
    if isinstance(item, SingleChoice):
        order = shown_choices(item, seed)
        return ChoiceList(order, order, classes="answer-widget"), t("exam.hint.single")
    if isinstance(item, MultipleChoice):
        order = shown_choices(item, seed)
        return MultiChoiceList(order, classes="answer-widget"), t("exam.hint.multiple")
    if isinstance(item, TrueFalse):
        labels = [t("item.true"), t("item.false")]
        return ChoiceList([True, False], labels, classes="answer-widget"), t("exam.hint.true_false")
    if isinstance(item, ShortAnswer):
        return TypedAnswer(placeholder=t("study.type_answer"), classes="answer-widget"), t(
            "exam.hint.typed"
        )
    if isinstance(item, Numeric):
        return TypedAnswer(placeholder=t("study.type_number"), classes="answer-widget"), t(
            "exam.hint.typed"
        )
    if isinstance(item, Cloze):
        return BlankInputs(item, t("study.blank"), classes="answer-widget"), t("exam.hint.cloze")
    raise ValueError(f"{getattr(item, 'id', item)!r} cannot be answered in an exam")


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

"""How a written item is answered from the keyboard, one widget per item type, for the
quiz and the mock exam alike (:func:`answer_widget`).

Each widget posts :class:`Answered` with the response in the form the study
logic's ``check_answer`` takes; it decides nothing itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, SelectionList
from textual.widgets.option_list import Option

from question_bank import Cloze, Item, MultipleChoice, Numeric, ShortAnswer, SingleChoice, TrueFalse
from quizapp.i18n import Translate
from quizapp.student_text import inline

ChoiceOrder = Callable[[SingleChoice | MultipleChoice], list[str]]
NUMBERS = range(1, 10)


class Answered(Message):
    def __init__(self, response: Any) -> None:
        super().__init__()
        self.response = response


class ChoiceList(OptionList):
    """Single choice and true/false: a number key (or arrows + enter) picks and answers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"pick({n})", "Pick", show=False, id="pick-choice") for n in NUMBERS),
        Binding("o", "pick_word('o')", "True", show=False, id="pick-true"),
        Binding("x", "pick_word('x')", "False", show=False, id="pick-false"),
    ]

    def __init__(self, values: list[Any], labels: list[str], **kwargs: Any) -> None:
        super().__init__(
            *[
                Option(Text(f"{i}. ").append_text(inline(label)))
                for i, label in enumerate(labels, 1)
            ],
            **kwargs,
        )
        self.values = values

    def action_pick(self, number: int) -> None:
        if 1 <= number <= len(self.values):
            self.highlighted = number - 1
            self.post_message(Answered(self.values[number - 1]))

    def action_pick_word(self, word: str) -> None:
        if self.values == [True, False]:
            self.action_pick(1 if word == "o" else 2)

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(Answered(self.values[event.option_index]))


class MultiChoiceList(SelectionList[str]):
    """Multiple choice: number keys (or space) toggle, enter answers with the chosen set."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(n), f"toggle_number({n})", "Toggle", show=False, id="toggle-choice")
            for n in NUMBERS
        ),
        Binding("enter", "submit", "Submit", id="submit-choices"),
    ]

    def __init__(self, choices: list[str], **kwargs: Any) -> None:
        super().__init__(
            *[(Text(f"{i}. ").append_text(inline(c)), c) for i, c in enumerate(choices, 1)],
            **kwargs,
        )
        self.choices = choices

    def action_toggle_number(self, number: int) -> None:
        if 1 <= number <= len(self.choices):
            self.toggle(self.choices[number - 1])

    def action_submit(self) -> None:
        self.post_message(Answered(list(self.selected)))


class BlankInputs(Vertical):
    """Cloze: one input per blank; enter moves to the next blank, and answers on the last."""

    def __init__(self, item: Cloze, lang_blank: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.item = item
        self.lang_blank = lang_blank

    def compose(self) -> ComposeResult:
        for i, blank in enumerate(self.item.blanks, 1):
            hint = f" ({blank.hint})" if blank.hint else ""
            yield Input(placeholder=f"{self.lang_blank} {i}{hint}", classes="blank")

    @on(Input.Submitted)
    def next_or_answer(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.post_message(Answered([i.value for i in inputs]))


class TypedAnswer(Input):
    """Short answer and numeric: type and press enter."""

    @on(Input.Submitted)
    def answer(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.post_message(Answered(event.value))


def answer_widget(
    item: Item, order: ChoiceOrder, t: Translate, *, hints: Literal["study", "exam"]
) -> tuple[Widget, str]:
    """The widget for ``item`` with its choices in ``order``, and the key hint to show under
    it (``study.hint.*`` in a quiz, which gives feedback; ``exam.hint.*`` in a mock exam)."""
    css = "answer-widget"
    widget: Widget
    if isinstance(item, SingleChoice):
        shown = order(item)
        widget, hint = ChoiceList(shown, shown, classes=css), "single"
    elif isinstance(item, MultipleChoice):
        widget, hint = MultiChoiceList(order(item), classes=css), "multiple"
    elif isinstance(item, TrueFalse):
        labels = [t("item.true"), t("item.false")]
        widget, hint = ChoiceList([True, False], labels, classes=css), "true_false"
    elif isinstance(item, ShortAnswer | Numeric):
        placeholder = t(
            "study.type_answer" if isinstance(item, ShortAnswer) else "study.type_number"
        )
        widget, hint = TypedAnswer(placeholder=placeholder, classes=css), "typed"
    elif isinstance(item, Cloze):
        widget, hint = BlankInputs(item, t("study.blank"), classes=css), "cloze"
    else:
        raise ValueError(f"{item.id!r} ({item.type}) is not answered in a text box or a list")
    return widget, t(f"{hints}.hint.{hint}")

"""What every screen of the app shares: the app, typed, and its words in the interface language."""

from __future__ import annotations

from typing import TypeVar

from textual import events, getters
from textual.screen import ModalScreen, Screen

from ..app import QuizApp
from ..keys import translate_bindings

ResultT = TypeVar("ResultT")


class QuizScreen(Screen[ResultT]):
    # Textual's typed accessor of the running app (it asserts the app's type).
    quiz_app = getters.app(QuizApp)

    @property
    def lang(self) -> str:
        return self.quiz_app.lang

    def t(self, key: str, **values: object) -> str:
        """The i18n entry ``key`` in the interface language."""
        return self.quiz_app.t(key, **values)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A focused widget's keys join the footer: their labels too follow the language
        (the screen's own are translated when it is pushed)."""
        translate_bindings(event.widget, self.lang)
        self.refresh_bindings()


class QuizModalScreen(ModalScreen[ResultT], QuizScreen[ResultT]):
    """A dialog over another screen, with the same helpers."""

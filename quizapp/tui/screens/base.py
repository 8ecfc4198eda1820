"""What every screen of the app shares: the app, typed, and its words in the interface language."""

from __future__ import annotations

from typing import TypeVar

from textual import getters
from textual.screen import ModalScreen, Screen

from ..app import QuizApp

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


class QuizModalScreen(ModalScreen[ResultT], QuizScreen[ResultT]):
    """A dialog over another screen, with the same helpers."""

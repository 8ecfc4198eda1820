"""What every screen of the app shares: its context (the services it may use, given by
whoever shows the screen) and its words in the interface language."""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.screen import ModalScreen, Screen

from ..context import Context
from ..keys import translate_bindings
from ..workers import WorkerFailures

ResultT = TypeVar("ResultT")


class QuizScreen(WorkerFailures, Screen[ResultT]):
    _quiz_context: Context | None = None

    @property
    def ctx(self) -> Context:
        """The app's services; set by the app when it pushes (or switches to) the screen."""
        if self._quiz_context is None:
            raise RuntimeError(f"{type(self).__name__} was shown without a context")
        return self._quiz_context

    @ctx.setter
    def ctx(self, context: Context) -> None:
        self._quiz_context = context

    @property
    def lang(self) -> str:
        return self.ctx.lang

    def t(self, key: str, **values: object) -> str:
        """The i18n entry ``key`` in the interface language."""
        return self.ctx.t(key, **values)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A focused widget's keys join the footer: their labels too follow the language
        (the screen's own are translated when it is pushed)."""
        translate_bindings(event.widget, self.lang)
        self.refresh_bindings()


class QuizModalScreen(ModalScreen[ResultT], QuizScreen[ResultT]):
    """A dialog over another screen, with the same helpers."""

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

WIDE_COLUMNS = 100  # from here on a screen has its wide layout (the app's -wide class)


class QuizScreen(WorkerFailures, Screen[ResultT]):
    _quiz_context: Context | None = None
    _laid_out_wide: bool | None = None  # the width class the layout was built for

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

    @property
    def wide(self) -> bool:
        """Whether what is built for the width (table columns) is the wide layout; before
        it is built, whether the terminal has room for it."""
        if self._laid_out_wide is not None:
            return self._laid_out_wide
        return self.app.size.width >= WIDE_COLUMNS

    def apply_layout(self) -> None:
        """Build what depends on the width for the terminal as it is now: called on mount,
        and again when a resize crosses :data:`WIDE_COLUMNS`."""
        self._laid_out_wide = self.app.size.width >= WIDE_COLUMNS
        self.lay_out()

    def lay_out(self) -> None:
        """What depends on the width (nothing unless a screen says so)."""

    def on_resize(self) -> None:
        if self._laid_out_wide is not None and self._laid_out_wide != (
            self.app.size.width >= WIDE_COLUMNS
        ):
            self.apply_layout()
        self.resized()

    def resized(self) -> None:
        """After any resize (and after the layout was rebuilt if the width class changed)."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A focused widget's keys join the footer: their labels too follow the language
        (the screen's own are translated when it is pushed)."""
        translate_bindings(event.widget, self.lang)
        self.refresh_bindings()


class QuizModalScreen(ModalScreen[ResultT], QuizScreen[ResultT]):
    """A dialog over another screen, with the same helpers."""

"""What a screen may use, typed: the settings and interface language, the clock, the
bank, the store and the study service once loaded, the grader, the mock-exam proctor
and the exam desk.

The app builds one context and hands it to every screen it shows (see
``QuizScreen.ctx``), so screens and widgets never import the app module. Nothing heavy
is imported here: the bank, the store and the grader are only named for the type
checker, and the grader and the proctor are created on first use.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Protocol

from textual.message import Message

from ..clock import Clock
from ..i18n import translate

if TYPE_CHECKING:
    from grader import Grader
    from question_bank import Bank
    from quizapp.exam import ExamRunner, Proctor
    from quizapp.settings import Settings
    from quizapp.store import ExamAttempt, Store
    from quizapp.study import StudyService


class Ready(Message):
    """The bank and the store are loaded: screens may show them."""


class ExamControl(Protocol):
    """What a screen may ask of the mock-exam desk (:mod:`quizapp.tui.exam_desk`)."""

    def open(self, blueprint_id: str, *, replace: bool = False) -> None:
        """Start or resume an attempt of this blueprint."""

    def watch(self, attempt: ExamAttempt | None) -> None:
        """Watch the deadline of the attempt being sat (None: nothing is sat)."""

    def confirm_start(self, blueprint_id: str, title: str, text: str) -> None:
        """Ask (``text``: time, sections, points) before a new timed attempt starts."""

    def hand_in(self, attempt: ExamAttempt) -> None:
        """The attempt is submitted: stop watching it and grade it on the results screen."""

    def confirm_leaving(self, *, quit_app: bool) -> None:
        """Ask before a running exam is left (quitting the app, or going home)."""


class Context:
    """The services of one running app. ``bank``, ``store`` and ``service`` are None until
    the loading worker has finished; ``exams`` is set by the app when it is built."""

    exams: ExamControl

    def __init__(self, settings: Settings, *, clock: Clock, grader: Grader | None) -> None:
        self.settings = settings
        self.lang = settings.lang
        self.clock = clock
        self.bank: Bank | None = None
        self.store: Store | None = None
        self.service: StudyService | None = None
        # The grader (None until first used, unless given: e.g. one warm pool shared by tests);
        # closed on exit only if this context created it.
        self.current_grader = grader
        self.owns_grader = grader is None
        self._grader_lock = threading.Lock()
        self._proctor: Proctor | None = None

    def t(self, key: str, **values: object) -> str:
        """The i18n entry ``key`` in the interface language."""
        return translate(key, self.lang, **values)

    @property
    def grader(self) -> Grader:
        """The app's one grader (its workers run torch in their own processes)."""
        with self._grader_lock:
            if self.current_grader is None:
                from grader import Grader
                from question_bank import bundled_bank_dir

                self.current_grader = Grader(
                    sandbox=self.settings.sandbox, hidden=[bundled_bank_dir()]
                )
            return self.current_grader

    @property
    def proctor(self) -> Proctor | None:
        """Mock exams over the loaded bank and store, graded on the app's grader (None
        until loaded)."""
        if self._proctor is None and self.service is not None and self.bank is not None:
            from quizapp.exam import ExamRunner, Proctor

            self._proctor = Proctor(ExamRunner(self.service, self.bank), lambda: self.grader)
        return self._proctor

    @property
    def exam_runner(self) -> ExamRunner | None:
        return self.proctor.runner if self.proctor is not None else None

    def close(self) -> None:
        """Close the grader (if this context created it) and the store."""
        if self.current_grader is not None and self.owns_grader:
            self.current_grader.close()
        if self.store is not None:
            self.store.close()

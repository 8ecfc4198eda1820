"""The base of every error that ends in one line for the user, in the interface language.

Made with :meth:`UserError.say` an error carries an i18n key and its values and is
shown in the language of the run; ``str()`` is its English text. The settings
(:class:`quizapp.settings.SettingsError`), the store
(:class:`quizapp.store.StoreError`) and the commands
(:mod:`quizapp.commands.status`) raise subclasses; the command line maps them to exit
codes in one place (:func:`quizapp.commands.base.execute`). Kept light: it imports
the message tables only when a message is made.
"""

from __future__ import annotations

import sys
from typing import Self


class UserError(Exception):
    """A condition the user must act on; the message is one line."""

    def __init__(self, message: str, key: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.key, self.values = key, values

    @classmethod
    def say(cls, key: str, **values: object) -> Self:
        """The error of i18n ``key``; ``str()`` is its English text."""
        from .i18n import translate

        return cls(translate(key, "en", **values), key, **values)

    def text(self, lang: str) -> str:
        """The one line for the user in ``lang``."""
        if self.key is None:
            return str(self)
        from .i18n import translate

        values = self.values
        # A value the bank worded in both languages (a page syntax error) in ``lang``. Such
        # a value exists only once question_bank.said is loaded: an error raised before the
        # bank is touched (the app's first frame) must not load the bank's engine to say so.
        worded = sys.modules.get("question_bank.said")
        if worded is not None:
            values = {name: worded.in_lang(value, lang) for name, value in values.items()}
        return translate(self.key, lang, **values)

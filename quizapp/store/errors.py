"""The one error the store raises for conditions a user must act on."""

from __future__ import annotations


class StoreError(Exception):
    """The progress store cannot be used; the message is one line for the user.

    Raised for a file that is not a database, a schema newer than this app,
    a data folder that cannot be written, an unreachable server or a missing
    database driver. The file or database in question is left untouched.
    """

    def __init__(self, message: str, key: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.key, self.values = key, values

    @classmethod
    def say(cls, key: str, **values: object) -> StoreError:
        """The error of i18n ``key`` (``store.*``); ``str()`` is its English text."""
        from ..i18n import translate

        return cls(translate(key, "en", **values), key, **values)

    def text(self, lang: str) -> str:
        """The one line for the user in ``lang``."""
        if self.key is None:
            return str(self)
        from ..i18n import translate

        return translate(self.key, lang, **self.values)

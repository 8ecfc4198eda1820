"""The one error the store raises for conditions a user must act on."""

from __future__ import annotations

from ..errors import UserError


class StoreError(UserError):
    """The progress store cannot be used; the message is one line for the user.

    Raised for a file that is not a database, a schema newer than this app,
    a data folder that cannot be written, an unreachable server or a missing
    database driver. The file or database in question is left untouched. Made with
    :meth:`say` it carries a ``store.*`` i18n key.
    """

"""How a command ends: its exit codes and the errors it raises (as pip's ``status_codes``).

A command returns :data:`EXIT_OK` or :data:`EXIT_FAIL`, or raises one of these; the
command line turns them into a line on stderr and an exit code in one place
(:func:`quizapp.commands.base.execute`).
"""

from __future__ import annotations

from ..errors import UserError

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class UsageError(UserError):
    """A mistake in how the command was called: one line, exit 2.

    Made with :meth:`say` it carries an i18n key and is printed in the interface language;
    ``str()`` is its English text.
    """


class CommandFailed(UserError):
    """The command was called right but cannot do its work: one line, exit 1."""

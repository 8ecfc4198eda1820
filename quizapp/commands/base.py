"""Running one command, and the one place where how it ended becomes an exit code (as pip's
``base_command``).

A command is a function ``run(args, settings) -> int`` that returns :data:`EXIT_OK` or
:data:`EXIT_FAIL`, or raises: a :class:`UsageError` or a setting that cannot be used
(:class:`SettingsError`) is one line on stderr and exit 2; any other
:class:`~quizapp.errors.UserError` (an unusable store, :class:`CommandFailed`) is one
line and exit 1; Ctrl-C is exit 130, and a closed pipe (``quizapp … | head``) ends
quietly with 0.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from ..errors import UserError
from ..settings import Settings, SettingsError
from .status import EXIT_FAIL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, UsageError

Run = Callable[[argparse.Namespace, Settings], int]

log = logging.getLogger(__name__)


def execute(
    run: Run, args: argparse.Namespace, settings: Settings | Callable[[], Settings], lang: str
) -> int:
    """``run(args, settings)`` with its errors turned into exit codes.

    ``settings`` may be a function that resolves them, whose :class:`SettingsError` is
    then reported like the command's own; ``lang`` is the language of what is said
    before the settings are known (and of an interruption).
    """
    said = lang
    try:
        resolved = settings if isinstance(settings, Settings) else settings()
        said = resolved.lang
        log.debug("running %s.%s", run.__module__, getattr(run, "__qualname__", run))
        code = run(args, resolved)
        log.debug("exit %d", code)
        return code
    except UserError as exc:
        log.debug("stopped by %s", type(exc).__name__, exc_info=True)
        usage = isinstance(exc, UsageError | SettingsError)
        sys.stderr.write(f"quizapp: {'오류' if said == 'ko' else 'error'}: {exc.text(said)}\n")
        return EXIT_USAGE if usage else EXIT_FAIL
    except KeyboardInterrupt:
        sys.stderr.write(f"quizapp: {'중단됨' if lang == 'ko' else 'interrupted'}\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK

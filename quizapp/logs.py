"""Where log records go: one handler on the root logger, chosen once per run.

Every module logs to ``logging.getLogger(__name__)`` (``grader.*``, ``question_bank.*``,
``quizapp.*``), and those records propagate to the root logger, whose one handler is
chosen here from the global options and the environment (the command line wins):

- ``--verbose``, or ``QUIZAPP_LOG=debug`` (``info``, ``warning``, ``error``): records from
  that level; a command writes them on stderr;
- ``--log-file PATH``, or ``QUIZAPP_LOG_FILE=PATH``: records (from DEBUG unless
  ``QUIZAPP_LOG`` names a level) appended to that file instead;
- the app never writes a record to the terminal, whose screen it would break: with
  ``--verbose`` and no file it appends them to :data:`APP_LOG` in the data folder.

Without any of these nothing is written anywhere, not even the warnings Python would
print on stderr for want of a handler.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .settings import SettingsError

ENV_LEVEL = "QUIZAPP_LOG"
ENV_FILE = "QUIZAPP_LOG_FILE"
APP_LOG = "quizapp.log"  # in the data folder: the app's log when --verbose names no file
LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


@dataclass(frozen=True)
class LogRequest:
    """What the run asked for: a level (None: no logging) and a file (None: the terminal)."""

    level: int | None = None
    file: Path | None = None


def request(
    verbose: bool = False, log_file: str | None = None, environ: Mapping[str, str] = os.environ
) -> LogRequest:
    """The options and the environment as one request; a level the environment misspells
    is a settings error (exit 2)."""
    named = environ.get(ENV_LEVEL, "").strip().lower()
    if named and named not in LEVELS:
        raise SettingsError.say(
            "settings.error.log_level", name=ENV_LEVEL, value=named, known=", ".join(LEVELS)
        )
    level = logging.DEBUG if verbose else LEVELS.get(named)
    file = log_file or environ.get(ENV_FILE) or None
    if file is not None and level is None:
        level = logging.DEBUG
    return LogRequest(level, Path(file).expanduser() if file else None)


class _Chosen:
    """The handler this module put on the root logger, and the root's level before it."""

    handler: logging.Handler | None = None
    level_before: int | None = None


def configure(wanted: LogRequest, *, app_folder: Path | None = None) -> Path | None:
    """Put the one handler ``wanted`` asks for on the root logger (replacing the one a
    previous call put there); ``app_folder``: the app runs, so records go to a file, by
    default :data:`APP_LOG` in that folder. Returns the file records go to, if any.

    A file that cannot be opened is a settings error (exit 2).
    """
    file = wanted.file
    if file is None and wanted.level is not None and app_folder is not None:
        file = app_folder / APP_LOG
    handler: logging.Handler
    if wanted.level is None:
        handler = logging.NullHandler()
    elif file is not None:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(file, encoding="utf-8")
        except OSError as exc:
            raise SettingsError.say(
                "settings.error.log_file", path=file, error=exc.strerror or exc
            ) from None
    else:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    if _Chosen.handler is not None:
        root.removeHandler(_Chosen.handler)
        _Chosen.handler.close()
    else:
        _Chosen.level_before = root.level
    root.addHandler(handler)
    _Chosen.handler = handler
    if wanted.level is not None:
        root.setLevel(wanted.level)
    elif _Chosen.level_before is not None:
        root.setLevel(_Chosen.level_before)
    return file if wanted.level is not None else None

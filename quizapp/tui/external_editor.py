"""Editing code in the student's own editor (`$VISUAL`, `$EDITOR`): which command, and the
round trip through a temporary file. No Textual here: the screen suspends the app around
:func:`edit_in_editor`."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

FALLBACKS = ("nano", "vi")


class EditorError(Exception):
    """The editor could not be run or did not finish cleanly; one line for the user."""


def editor_command(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """``$VISUAL``, else ``$EDITOR`` (split like a shell would), else nano or vi if installed."""
    env = os.environ if environ is None else environ
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                words = value.split()
            if words:
                return words
    for fallback in FALLBACKS:
        found = shutil.which(fallback, path=env.get("PATH"))
        if found:
            return [found]
    return None


def edit_in_editor(code: str, command: list[str], name: str = "submission") -> str:
    """Write ``code`` to a temporary ``.py`` file, run ``command FILE`` and return the file's
    text afterwards. The file is removed whatever happens."""
    with tempfile.TemporaryDirectory(prefix="quizapp-edit-") as folder:
        path = Path(folder) / f"{name}.py"
        path.write_text(code, encoding="utf-8")
        try:
            finished = subprocess.run([*command, str(path)], check=False)
        except OSError as exc:
            raise EditorError(f"cannot run {command[0]!r}: {exc.strerror or exc}") from None
        if finished.returncode != 0:
            raise EditorError(f"{command[0]} exited with status {finished.returncode}")
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise EditorError(f"cannot read the edited file back: {exc}") from None

"""The bundled bank's content, kept apart from the engine: ``syllabus.yaml``,
``glossary.yaml``, ``items/``, ``exams/`` and ``tasks/<id>/`` (docs/bank-format.md).

Data only; this file is the one piece of code, saying where the content is. The task
folders' ``.py`` files are students' starters, reference solutions and hidden tests,
run by the grader in its sandbox: they are never imported as modules.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def content_dir() -> Path:
    """The folder holding the bundled bank (inside the installed ``question_bank``)."""
    return Path(str(resources.files(__name__)))

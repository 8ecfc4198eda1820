"""Which files a teacher handed in, and whose they are.

``quizapp grade TASK PATH...`` and ``quizapp class similar TASK FOLDER`` take
files and folders. A folder stands for every ``.py`` inside it, recursively,
sorted by path (hidden folders and ``__pycache__`` left out). A file's student
is the first folder under the given folder (``class/kim/cnn.py`` → ``kim``), or
the file's own stem when it lies directly in it or was given by name
(``class/kim.py`` → ``kim``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


class BadInput(ValueError):
    """A path that cannot be graded; the message is one line for the user.

    Made with :meth:`say` it carries an i18n key (``class.input.*``); ``str()`` is English.
    """

    def __init__(self, message: str, key: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.key, self.values = key, values

    @classmethod
    def say(cls, key: str, **values: object) -> BadInput:
        from ..i18n import translate

        return cls(translate(key, "en", **values), key, **values)


@dataclass(frozen=True)
class HandedIn:
    path: Path
    name: str  # as the teacher sees it: the given path, or the folder joined with the file
    student: str

    def read(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise BadInput.say("class.input.not_utf8", name=self.name) from None
        except OSError as exc:
            raise BadInput.say(
                "class.input.unreadable", name=self.name, error=exc.strerror or exc
            ) from None


def _skipped(relative: Path) -> bool:
    return any(part.startswith(".") or part == "__pycache__" for part in relative.parts[:-1])


def in_folder(folder: Path, shown: str) -> list[HandedIn]:
    found = []
    for path in sorted(folder.rglob("*.py"), key=lambda p: p.relative_to(folder).as_posix()):
        relative = path.relative_to(folder)
        if _skipped(relative) or not path.is_file():
            continue
        student = relative.parts[0] if len(relative.parts) > 1 else path.stem
        found.append(HandedIn(path, str(Path(shown) / relative), student))
    if not found:
        raise BadInput.say("class.input.no_py", path=shown)
    return found


def collect(paths: Sequence[str]) -> list[HandedIn]:
    """The files behind ``paths`` (files and folders), in order, each once."""
    found: list[HandedIn] = []
    for shown in paths:
        path = Path(shown)
        if path.is_dir():
            found.extend(in_folder(path, shown))
        elif path.is_file():
            found.append(HandedIn(path, shown, path.stem))
        elif path.exists():
            raise BadInput.say("class.input.not_file", path=shown)
        else:
            raise BadInput.say("class.input.missing", path=shown)
    seen: set[Path] = set()
    unique = []
    for handed in found:
        key = handed.path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(handed)
    return unique


def read_all(handed: Sequence[HandedIn]) -> list[str]:
    """Every file's text; the first unreadable one stops it with one line."""
    return [h.read() for h in handed]

"""Author-facing text in both interface languages, for an app to show in the chosen one.

The bank's messages (validation problems, page syntax errors) are English strings, as
``str()``, logs and tests read them; a :class:`Said` also carries its Korean wording, so
the CLI can print ``quizapp bank check`` under ``--lang ko`` without the bank knowing
anything of the app's i18n layer. Text built without a Korean wording stays English.
"""

from __future__ import annotations

from typing import Any


class Said(str):
    """English text (the ``str`` itself) that also knows its Korean wording (``ko``)."""

    ko: str

    def __new__(cls, en: str, ko: str) -> Said:
        text = super().__new__(cls, en)
        text.ko = ko
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (Said, (str(self), self.ko))


def said(en: str, ko: str) -> Said:
    """``en`` as the text, ``ko`` as its Korean wording."""
    return Said(en, ko)


def ko_of(text: str) -> str:
    """The Korean wording of ``text`` where it has one, else ``text`` as it is."""
    return text.ko if isinstance(text, Said) else text


def in_lang(text: object, lang: str) -> str:
    """``text`` in ``lang`` (``ko`` or ``en``); text without a Korean wording as it is.

    A ``ValueError`` raised with a :class:`Said` says it in ``lang`` too."""
    if isinstance(text, BaseException) and text.args and isinstance(text.args[0], Said):
        text = text.args[0]
    if lang == "ko" and isinstance(text, Said):
        return text.ko
    return str(text)


def ko_unreadable(exc: OSError | UnicodeDecodeError) -> str:
    """Why a file could not be read, in Korean: not UTF-8 (at which byte), or the
    system's own words quoted (they come in English only)."""
    if isinstance(exc, UnicodeDecodeError):
        return f"UTF-8 텍스트가 아닙니다 (바이트 `0x{exc.object[exc.start]:02x}`); 파일을 UTF-8로 저장하세요"
    return f'읽을 수 없습니다: "{exc.strerror or exc}"'

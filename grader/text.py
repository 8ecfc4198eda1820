"""Words a student reads, in every interface language at once.

The grader cannot know which language the app shows (a verdict is stored and
may be read later under another ``--lang``), so every sentence it produces is
a :data:`Text`: a plain ``{"en": …, "ko": …}`` dict that survives JSON, the
probe's channel and the store unchanged. The reader picks a language with
:func:`in_lang`.

Hidden tests write their check names and labels with :func:`tr`; a plain
``str`` is taken as English (and is reported by ``quizapp bank verify`` as
missing its Korean).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

LANGS = ("en", "ko")
_isinstance = isinstance  # captured: the sandboxed child uses these after student code ran
Text = dict[str, str]


def tr(en: str, ko: str) -> Text:
    """A sentence in English and Korean: ``tr("output shape", "출력 모양")``."""
    return {"en": en, "ko": ko}


def as_text(value: Any) -> Text:
    """``value`` as a :data:`Text`: a plain ``str`` is English only; anything else is ``str()``-ed."""
    if _isinstance(value, Mapping):
        out = {lang: str(value[lang]) for lang in LANGS if _isinstance(value.get(lang), str)}
        if out:
            return out
    if _isinstance(value, str):
        return {"en": value}
    return {"en": str(value)}


def in_lang(text: Text | str | None, lang: str) -> str:
    """The text in ``lang``, falling back to English (then to any language there is)."""
    if text is None:
        return ""
    if type(text) is str:
        return text
    words = cast(Text, text)
    return words.get(lang) or words.get("en") or next(iter(words.values()), "")


def is_complete(text: Text) -> bool:
    """Every interface language is there."""
    return all(text.get(lang) for lang in LANGS)

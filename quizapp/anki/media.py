r"""What an imported note loses: images, sounds and MathJax, named in a warning.

The bank has no media: an image keeps only its ``alt`` text and a ``[sound:…]``
tag is dropped. MathJax (``\(…\)``, ``\[…\]``) is kept as text, but the app
does not typeset it, so the student hears about it too.
"""

from __future__ import annotations

import re

from ..i18n import both_languages
from .to_markdown import plain_text

_IMAGE = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
_SOUND = re.compile(r"\[sound:([^\]]*)\]")
_MATHJAX = re.compile(r"\\\(.*?\\\)|\\\[.*?\\\]", re.DOTALL)
_CLOZE_NUMBER = re.compile(r"\{\{c(\d+)::")


def _names(found: list[str]) -> str:
    unique = list(dict.fromkeys(found))
    names = ", ".join(unique[:3])
    return (
        both_languages("anki.more", names=names, count=len(unique) - 3)
        if len(unique) > 3
        else names
    )


def note_label(fields: tuple[str, ...]) -> str:
    """The note as the student would recognise it: the start of its first field."""
    text = plain_text(_SOUND.sub("", fields[0])) if fields else ""
    return repr(text if len(text) <= 40 else text[:39] + "…")


def note_warnings(fields: tuple[str, ...]) -> list[str]:
    """One line per kind of content the bank cannot hold, naming the note."""
    html = "\n".join(fields)
    label = both_languages("anki.note", label=note_label(fields))
    warnings: list[str] = []
    images = [next(g for g in m.groups() if g is not None) for m in _IMAGE.finditer(html)]
    if images:
        warnings.append(both_languages("anki.warn.image", note=label, names=_names(images)))
    sounds = _SOUND.findall(html)
    if sounds:
        warnings.append(both_languages("anki.warn.sound", note=label, names=_names(sounds)))
    maths = [" ".join(m.split()) for m in _MATHJAX.findall(plain_text(html))]
    if maths:
        warnings.append(both_languages("anki.warn.mathjax", note=label, names=_names(maths)))
    numbers = sorted({int(n) for n in _CLOZE_NUMBER.findall(fields[0] if fields else "")})
    if len(numbers) > 1:
        listed = ", ".join(f"c{n}" for n in numbers)
        warnings.append(
            both_languages("anki.warn.cloze_numbers", note=label, listed=listed, count=len(numbers))
        )
    return warnings

"""The one renderer of bank text in lists, choices and answer echoes.

Bank text is Markdown with Anki clozes (``{{c1::답}}``). The screens that show an
item whole use a Markdown widget (:mod:`quizapp.render`); everything shorter —
a row of a list, a choice, the answer the student gave — comes from here, so
that no ``{{c…}}``, ``**``, backticks or JSON lists reach the screen, and a
list of mistakes shows the question with its blanks masked, never the answer.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rich.cells import cell_len
from rich.text import Text

from question_bank.cloze import render_cloze

from .i18n import translate

# **bold**, __bold__, `code`, *em*, _em_ (not inside words: snake_case stays as it is)
_INLINE = re.compile(
    r"\*\*(?P<b1>.+?)\*\*|__(?P<b2>.+?)__|`(?P<code>[^`]+)`"
    r"|(?<![\w*])\*(?P<e1>[^*\s][^*]*?)\*(?![\w*])|(?<![\w_])_(?P<e2>[^_\s][^_]*?)_(?![\w_])"
)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_FENCE = re.compile(r"^\s*```[^\n]*$", re.MULTILINE)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.MULTILINE)
CODE_STYLE = "bold cyan"
ELLIPSIS = "…"


def _masked(text: str) -> str:
    """Cloze blanks as ``[...]`` (or their hint): a list never gives the answer away."""
    return render_cloze(text) if "{{c" in text else text


def inline(text: str) -> Text:
    """One piece of bank text (a choice, a title) as Rich text: bold stays bold, code is
    coloured, the markers go, blanks are masked; nothing is read as Rich markup."""
    source = _masked(_LINK.sub(r"\1", text))  # links first: a masked "[...](x)" is no link
    out = Text()
    position = 0
    for match in _INLINE.finditer(source):
        out.append(source[position : match.start()])
        bold = match.group("b1") or match.group("b2")
        code = match.group("code")
        emphasis = match.group("e1") or match.group("e2")
        if bold is not None:
            out.append(bold, style="bold")
        elif code is not None:
            out.append(code, style=CODE_STYLE)
        else:
            out.append(emphasis or "", style="italic")
        position = match.end()
    out.append(source[position:])
    return out


def plain(text: str) -> str:
    """Bank text as plain words on one line: markers gone, blanks masked, spaces collapsed."""
    source = _FENCE.sub(" ", text)
    source = _HEADING.sub("", source)
    source = _BULLET.sub("", source)
    return " ".join(inline(source).plain.split())


def cut(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` terminal cells with "…" (a Korean syllable is two cells)."""
    if cell_len(text) <= cells:
        return text
    out = ""
    for char in text:
        if cell_len(out + char) > cells - 1:
            break
        out += char
    return out.rstrip() + ELLIPSIS


def list_line(entry: Any, cells: int | None = None) -> str:
    """An item or task in one line of a list: what a learner reads first, masked."""
    title = getattr(entry, "title", None)
    headline = title if isinstance(title, str) and title else getattr(entry, "headline", "")
    line = plain(str(headline))
    return cut(line, cells) if cells is not None else line


def given_answer(item: Any, answer: Any, lang: str) -> str:
    """The answer the student gave, in words: 참/거짓 rather than ``true``, the blanks'
    answers rather than a JSON list, the choices joined. ``answer`` is the response or the
    text the review log keeps for it."""
    value = answer
    if isinstance(answer, str) and answer[:1] == "[":
        try:
            value = json.loads(answer)
        except ValueError:
            value = answer
    item_type = getattr(item, "type", None)
    if item_type == "true_false":
        if value in (True, "true"):
            return translate("item.true", lang)
        if value in (False, "false"):
            return translate("item.false", lang)
    if isinstance(value, list):
        joiner = " · " if item_type == "cloze" else ", "
        return joiner.join(plain(str(v)) or ELLIPSIS for v in value)
    if value is None or value == "":
        return translate("exam.no_answer", lang)
    return str(value)


def markdown_escape(text: str) -> str:
    """Plain text placed in Markdown, shown as it is (no emphasis, code or links)."""
    return re.sub(r"([\\`*_\[\]<>#|~])", r"\\\1", text)

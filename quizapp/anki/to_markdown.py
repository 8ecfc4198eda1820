r"""The HTML of an Anki field → bank Markdown.

Anki's editor writes a small set of tags: ``<br>``, ``<div>``/``<p>`` for lines,
``<b>``/``<i>``/``<u>``, ``<code>``/``<pre>``, lists, links, images and entities;
tables (which the export writes for items that show one) become pipe tables.
A converter over :mod:`html.parser` covers them in one page; the libraries that
do more (markdownify, html2text) bring BeautifulSoup or a GPL licence for it.
Unknown tags are dropped and their text kept.

What the student wrote stays literal: text is escaped where Markdown would read
it as markup (``__init__``, ``*``, a line starting with ``#``, ``\(`` of MathJax),
``&nbsp;`` keeps its width (code indented in the editor stays indented), ``<div>``
lines stay lines, as Anki shows them. Cloze deletions are taken out before the
conversion and put back with their answers as plain text (what the student types),
a literal ``|`` written ``\|`` so that it is not read as "or".
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..i18n import both_languages

_BLOCKS = {"p", "ul", "ol", "pre", "blockquote", *(f"h{i}" for i in range(7))}
_INLINE = {"b": "**", "strong": "**", "i": "*", "em": "*"}
_SPACE = re.compile(r"[ \t\r\n]+")  # as a browser collapses them; &nbsp; is kept
_LANGUAGE = re.compile(r"language-([\w+-]+)")

# -- escaping: what Markdown would otherwise read as markup ---------------------
_ALWAYS = re.compile(r"([\\`*])")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # not inside a word: a_b_c stays
_LINK = re.compile(r"(!?)\[(?=[^\]]*\][(\[:])")  # [text](…), [text][…], [label]: …
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_TILDES = re.compile(r"~(?=~)")
_LINE_START = re.compile(r"^(#{1,6}(?= |$)|[>+-](?= |$)|=+$|-+$|>)|^(\d{1,9})([.)])(?= |$)")
# -- cloze deletions, Anki's media and the white space a browser keeps -----------
_CLOZE_OPEN = re.compile(r"\{\{c(\d+)::")
_PLACEHOLDER = re.compile("\x02(\\d+)\x03")
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_NBSP_RUN = re.compile("[ \xa0]*\xa0[ \xa0]*")
_LEADING_BREAKS = re.compile(r"^(?:\\\n|[ \n])+")
_TRAILING_BREAKS = re.compile(r"(?:\\\n|[ \n])+$")  # not an escaped backslash: ``C:\\``


def _trim(text: str) -> str:
    """The text without the line breaks and spaces it ends with."""
    return _TRAILING_BREAKS.sub("", text)


class NestedCloze(ValueError):
    """A deletion inside a deletion: the bank's cloze syntax has no meaning for it."""


def escape(text: str, line_start: bool = False) -> str:
    """Text as Markdown that shows it literally."""
    text = _ALWAYS.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _LINK.sub(r"\1\\[", text)
    text = _TAG.sub(r"\\<", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _TILDES.sub(r"\\~", text)
    if line_start:
        text = _LINE_START.sub(_line_start, text)
    return text


def _line_start(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.lists: list[list[int]] = []  # per open list: [next number] (ol) or [] (ul)
        self.pre = 0
        self.code: int | None = None  # where the open inline code's text starts in ``out``
        self.href: list[str | None] = []
        self.rows: list[list[str]] | None = None  # the open table's rows
        self.cell: int | None = None  # where the open cell's text starts in ``out``
        self.line_start = True  # nothing written yet on the current line

    # -- output helpers --------------------------------------------------------

    def _text(self) -> str:
        return "".join(self.out)

    def _block_break(self) -> None:
        """End the current block: a blank line unless the output already ends one."""
        text = self._text().rstrip(" ")
        if text and not text.endswith("\n\n"):
            self.out = [_trim(text) + "\n\n"]
        self.line_start = True

    def _line_break(self) -> None:
        self.out.append("\n" if self.pre else "\\\n")
        self.line_start = True

    def _end_line(self) -> None:
        """A ``<div>`` starts and ends a line (Anki's editor writes one per line)."""
        if not self.line_start:
            self._line_break()

    # -- parser callbacks ------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "br":
            self._line_break()
        elif self.pre:
            if tag == "code" and self.out and self.out[-1] == "```\n":
                self.out[-1] = "```" + self._language(attr) + "\n"
        elif self.code is not None:
            return
        elif tag in _INLINE:
            self.out.append(_INLINE[tag])
            self.line_start = False
        elif tag == "code":
            self.code = len(self.out)
        elif tag == "pre":
            self._block_break()
            self.pre += 1
            self.out.append("```" + self._language(attr) + "\n")
        elif tag in ("ul", "ol"):
            if not self.lists:
                self._block_break()
            self.lists.append([1] if tag == "ol" else [])
        elif tag == "li":
            self._list_item()
        elif tag == "a":
            self.href.append(attr.get("href"))
            self.out.append("[")
            self.line_start = False
        elif tag == "img":
            self.out.append(escape(attr.get("alt") or "", self.line_start))
        elif tag == "table":
            self._block_break()
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th") and self.rows is not None:
            self.cell = len(self.out)
        elif tag.startswith("h") and tag[1:].isdigit():
            self._block_break()
            self.out.append("#" * int(tag[1:]) + " ")
        elif tag == "div":
            self._end_line()
        elif tag in _BLOCKS:
            self._block_break()

    @staticmethod
    def _language(attr: dict[str, str | None]) -> str:
        found = _LANGUAGE.search(attr.get("class") or "")
        return found.group(1) if found else ""

    def _list_item(self) -> None:
        text = self._text().rstrip(" ")
        if text and not text.endswith("\n"):
            self.out = [_trim(text) + "\n"]
        depth = max(len(self.lists) - 1, 0)
        numbering = self.lists[-1] if self.lists else []
        if numbering:
            marker = f"{numbering[0]}. "
            numbering[0] += 1
        else:
            marker = "- "
        self.out.append("   " * depth + marker)
        self.line_start = True

    def handle_endtag(self, tag: str) -> None:
        if self.pre:
            if tag == "pre":
                self.pre -= 1
                self.out = [self._text().rstrip("\n") + "\n```"]
                self._block_break()
            return
        if self.code is not None:
            if tag == "code":
                self._close_code(self.code)
            return
        if tag in _INLINE:
            self.out.append(_INLINE[tag])
        elif tag == "a":
            href = self.href.pop() if self.href else None
            self.out.append(f"]({href})" if href else "]")
        elif tag in ("td", "th") and self.rows and self.cell is not None:
            text = "".join(self.out[self.cell :]).replace("\\\n", " ").strip()
            del self.out[self.cell :]
            self.rows[-1].append(text.replace("|", "\\|"))
            self.cell = None
        elif tag == "table" and self.rows is not None:
            self.out.append(_pipe_table([row for row in self.rows if row]))
            self.rows = None
            self._block_break()
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            if not self.lists:
                self._block_break()
        elif tag == "div":
            self._end_line()
        elif tag in _BLOCKS:
            self._block_break()

    def _close_code(self, start: int) -> None:
        """Inline code as a code span, fenced with more backticks than it holds."""
        content = "".join(self.out[start:])
        del self.out[start:]
        self.code = None
        if not content.strip():
            self.out.append(content)
            return
        ticks = max((len(run) for run in re.findall("`+", content)), default=0) + 1
        pad = " " if content.startswith("`") or content.endswith("`") else ""
        self.out.append("`" * ticks + pad + content + pad + "`" * ticks)
        self.line_start = False

    def handle_data(self, data: str) -> None:
        if self.pre:
            self.out.append(data.replace("\xa0", " "))
            return
        if self.rows is not None and self.cell is None:
            return  # white space between a table's rows and cells
        text = _SPACE.sub(" ", data)
        if self.code is not None:
            self.out.append(text)
            return
        if self.line_start:
            text = text.lstrip(" ")
        if text:
            self.out.append(escape(text, self.line_start))
            self.line_start = False


def _pipe_table(rows: list[list[str]]) -> str:
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)


class _PlainText(HTMLParser):
    """The text of an HTML snippet, as a student would type it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "div", "p", "li"):
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(html: str) -> str:
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def _deletion_end(html: str, start: int) -> tuple[int, bool]:
    """Where the deletion whose text starts at ``start`` ends (the index of its
    ``}}``, -1 if it never does) and whether another deletion opens inside it."""
    depth, nested, at = 1, False, start
    while at < len(html):
        if html.startswith("{{", at):
            nested = nested or _CLOZE_OPEN.match(html, at) is not None
            depth += 1
            at += 2
        elif html.startswith("}}", at):
            depth -= 1
            if depth == 0:
                return at, nested
            at += 2
        else:
            at += 1
    return -1, nested


def _take_clozes(html: str) -> tuple[str, list[str]]:
    """The HTML with each cloze deletion replaced by a placeholder, and the deletions
    rewritten in the bank's syntax: answer and hint as plain text, ``|`` as ``\\|``."""
    kept: list[str] = []
    parts: list[str] = []
    at = 0
    while (found := _CLOZE_OPEN.search(html, at)) is not None:
        end, nested = _deletion_end(html, found.end())
        if end < 0:
            break  # left as written: `bank check` names the malformed deletion
        body = html[found.end() : end]
        if nested:
            snippet = plain_text(html[found.start() : end + 2])
            raise NestedCloze(both_languages("anki.skip.nested_cloze", snippet=snippet[:60]))
        answer, sep, hint = body.partition("::")
        text = plain_text(answer).replace("|", "\\|")
        if sep:
            text += "::" + plain_text(hint)
        parts.append(html[at : found.start()] + f"\x02{len(kept)}\x03")
        kept.append(f"{{{{c{found.group(1)}::{text}}}}}")
        at = end + 2
    parts.append(html[at:])
    return "".join(parts), kept


def _spaces(line: str) -> str:
    """&nbsp; as a browser shows it: a run holding one keeps its width (code
    indented in Anki's editor), a lone one between words is a space, none trails."""
    line = _NBSP_RUN.sub(lambda m: " " if m.group(0) == "\xa0" else "\xa0" * len(m.group(0)), line)
    return line.rstrip(" \xa0")


def to_markdown(html: str) -> str:
    """Markdown for the HTML of one field; white space as a browser would show it.
    :class:`NestedCloze` for a deletion inside a deletion."""
    html, clozes = _take_clozes(_SOUND.sub("", html))
    converter = _Converter()
    converter.feed(html)
    converter.close()
    lines: list[str] = []
    fenced = False
    for line in converter._text().split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        lines.append(line.rstrip(" ") if fenced or line.startswith("```") else _spaces(line))
    text = _LEADING_BREAKS.sub("", _trim("\n".join(lines)))
    text = re.sub(r"\\\n(?:[ \xa0]*\\\n)+", "\n\n", text)  # an empty line is a paragraph break
    text = re.sub(r"\n{3,}", "\n\n", text)
    return _PLACEHOLDER.sub(lambda m: clozes[int(m.group(1))], text)

"""The HTML of an Anki field → bank Markdown.

Anki's editor writes a small set of tags: ``<br>``, ``<div>``/``<p>`` for lines,
``<b>``/``<i>``/``<u>``, ``<code>``/``<pre>``, lists, links, images and entities;
tables (which the export writes for items that show one) become pipe tables.
A converter over :mod:`html.parser` covers them in one page; the libraries that
do more (markdownify, html2text) bring BeautifulSoup or a GPL licence for it.
Unknown tags are dropped and their text kept.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {"div", "p", "ul", "ol", "pre", "blockquote", *(f"h{i}" for i in range(7))}
_INLINE = {"b": "**", "strong": "**", "i": "*", "em": "*"}
_SPACE = re.compile(r"[ \t\r\n\xa0]+")
_LANGUAGE = re.compile(r"language-([\w+-]+)")


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.lists: list[list[int]] = []  # per open list: [next number] (ol) or [] (ul)
        self.pre = 0
        self.href: list[str | None] = []
        self.rows: list[list[str]] | None = None  # the open table's rows
        self.cell: int | None = None  # where the open cell's text starts in ``out``

    # -- output helpers --------------------------------------------------------

    def _text(self) -> str:
        return "".join(self.out)

    def _block_break(self) -> None:
        """End the current block: a blank line unless the output already ends one."""
        text = self._text().rstrip(" ")
        if text and not text.endswith("\n\n"):
            self.out = [text.rstrip("\\\n") + "\n\n"]

    def _line_break(self) -> None:
        self.out.append("\n" if self.pre else "\\\n")

    # -- parser callbacks ------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "br":
            self._line_break()
        elif self.pre:
            if tag == "code" and self.out and self.out[-1] == "```\n":
                self.out[-1] = "```" + self._language(attr) + "\n"
        elif tag in _INLINE:
            self.out.append(_INLINE[tag])
        elif tag == "code":
            self.out.append("`")
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
        elif tag == "img":
            self.out.append(attr.get("alt") or "")
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
        elif tag in _BLOCKS:
            self._block_break()

    @staticmethod
    def _language(attr: dict[str, str | None]) -> str:
        found = _LANGUAGE.search(attr.get("class") or "")
        return found.group(1) if found else ""

    def _list_item(self) -> None:
        text = self._text().rstrip(" ")
        if text and not text.endswith("\n"):
            self.out = [text.rstrip("\\\n") + "\n"]
        depth = max(len(self.lists) - 1, 0)
        numbering = self.lists[-1] if self.lists else []
        if numbering:
            marker = f"{numbering[0]}. "
            numbering[0] += 1
        else:
            marker = "- "
        self.out.append("   " * depth + marker)

    def handle_endtag(self, tag: str) -> None:
        if self.pre:
            if tag == "pre":
                self.pre -= 1
                self.out = [self._text().rstrip("\n") + "\n```"]
                self._block_break()
            return
        if tag in _INLINE:
            self.out.append(_INLINE[tag])
        elif tag == "code":
            self.out.append("`")
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
        elif tag in _BLOCKS:
            self._block_break()

    def handle_data(self, data: str) -> None:
        if self.pre:
            self.out.append(data.replace("\xa0", " "))
            return
        text = _SPACE.sub(" ", data)
        if self._text().endswith(("\n", "- ", ". ")) or not self.out:
            text = text.lstrip(" ")
        self.out.append(text)


def _pipe_table(rows: list[list[str]]) -> str:
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)


def to_markdown(html: str) -> str:
    """Markdown for the HTML of one field; white space as a browser would show it."""
    converter = _Converter()
    converter.feed(html)
    converter.close()
    lines = [line.rstrip(" ") for line in converter._text().split("\n")]
    text = "\n".join(lines).strip()
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.rstrip("\\").strip()

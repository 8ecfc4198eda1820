"""Bank Markdown → the HTML an Anki field holds (code blocks stay ``<pre><code>``)."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt


@cache
def _parser() -> MarkdownIt:
    # Raw HTML in the bank's Markdown is shown as text, as the app shows it.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def to_html(markdown: str) -> str:
    """One field's HTML; a lone paragraph loses its ``<p>`` so short fields stay inline."""
    html: str = _parser().render(markdown).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html

"""Markdown ↔ the HTML of Anki fields: what the export writes and what the import reads."""

from __future__ import annotations

import re

import pytest

from question_bank import load_bank
from quizapp.anki.to_html import to_html
from quizapp.anki.to_markdown import to_markdown


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("a<br>b<br/>c", "a\\\nb\\\nc"),
        ("<div>첫 줄</div><div>둘째&nbsp;줄</div>", "첫 줄\n\n둘째 줄"),
        ("<b>굵게</b> <i>기울임</i> <u>밑줄</u>", "**굵게** *기울임* 밑줄"),
        ("&lt;tag&gt; &amp; &quot;q&quot;", '<tag> & "q"'),
        ("<code>x.view(-1)</code>", "`x.view(-1)`"),
        (
            '<pre><code class="language-python">for x in y:\n    print(x)</code></pre>',
            "```python\nfor x in y:\n    print(x)\n```",
        ),
        ("<pre>a  <b>b</b>\n c</pre>", "```\na  b\n c\n```"),
        (
            "<ul><li>하나</li><li>둘<ol><li>가</li><li>나</li></ol></li></ul>",
            "- 하나\n- 둘\n   1. 가\n   2. 나",
        ),
        ('<a href="https://pytorch.org">docs</a>', "[docs](https://pytorch.org)"),
        ('그림 <img src="x.png" alt="구조도">', "그림 구조도"),
        ('<span style="color: red">빨강</span>', "빨강"),
        ("<h2>제목</h2>본문", "## 제목\n\n본문"),
        ("{{c1::<b>argmax</b>::함수}}", "{{c1::**argmax**::함수}}"),
    ],
)
def test_anki_html_becomes_markdown(html: str, markdown: str) -> None:
    assert to_markdown(html) == markdown


def test_every_bundled_text_survives_html_and_back() -> None:
    """Export then import gives the same rendering (soft line breaks aside)."""

    def same(html: str) -> str:
        return " ".join(html.split())

    def blocks(html: str) -> list[str]:
        return re.findall(r"<pre>.*?</pre>", html, re.DOTALL)

    checked = 0
    for item in load_bank().items.values():
        for name in ("prompt", "front", "back", "text", "explanation"):
            markdown = getattr(item, name, None)
            if not markdown:
                continue
            html = to_html(markdown)
            again = to_html(to_markdown(html))
            assert same(again) == same(html), (item.id, name)
            assert blocks(again) == blocks(html), (item.id, name)
            checked += 1
    assert checked > 1000


def test_a_one_paragraph_field_has_no_paragraph_tag() -> None:
    assert to_html("**a** b") == "<strong>a</strong> b"
    assert to_html("a\n\nb") == "<p>a</p>\n<p>b</p>"
    assert to_html("<b>raw</b>") == "&lt;b&gt;raw&lt;/b&gt;"

"""Markdown ↔ the HTML of Anki fields: what the export writes and what the import reads."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from question_bank import load_bank
from quizapp.anki.to_html import to_html
from quizapp.anki.to_markdown import NestedCloze, to_markdown


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("a<br>b<br/>c", "a\\\nb\\\nc"),
        ("<div>첫 줄</div><div>둘째&nbsp;줄</div>", "첫 줄\\\n둘째 줄"),
        ("<div>위</div><div><br></div><div>아래</div>", "위\n\n아래"),
        ("<b>굵게</b> <i>기울임</i> <u>밑줄</u>", "**굵게** *기울임* 밑줄"),
        ("&lt;tag&gt; &amp; &quot;q&quot;", '\\<tag> & "q"'),
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
        # a cloze answer is what the student types: plain text, a literal | kept literal
        ("{{c1::<b>argmax</b>::함수}}", "{{c1::argmax::함수}}"),
        ("<b>{{c1::Adam}}</b> 옵티마이저", "**{{c1::Adam}}** 옵티마이저"),
        ("{{c1::a&nbsp;|&nbsp;b}}는 비트 OR", "{{c1::a \\| b}}는 비트 OR"),
        ("{{c1::x_1}}, {{c2::__init__}}", "{{c1::x_1}}, {{c2::__init__}}"),
    ],
)
def test_anki_html_becomes_markdown(html: str, markdown: str) -> None:
    assert to_markdown(html) == markdown


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("__init__ 메서드", "\\_\\_init\\_\\_ 메서드"),
        ("a_b_c 와 snake_case", "a_b_c 와 snake_case"),
        ("# 주석", "\\# 주석"),
        ("#include 는 그대로", "#include 는 그대로"),
        ("<div>제목</div><div># 둘째 줄</div>", "제목\\\n\\# 둘째 줄"),
        ("- 목록 아님", "\\- 목록 아님"),
        ("1. 번호 아님", "1\\. 번호 아님"),
        ("&gt; 인용 아님", "\\> 인용 아님"),
        ("2 * 3 * 4", "2 \\* 3 \\* 4"),
        ("`코드` 아님", "\\`코드\\` 아님"),
        ("[링크](x) 아님", "\\[링크](x) 아님"),
        ("[batch, C] 모양", "[batch, C] 모양"),
        ("~~취소선~~ 아님", "\\~~취소선\\~~ 아님"),
        ("&amp;nbsp; 라는 글자", "\\&nbsp; 라는 글자"),
        ("경로 C:\\", "경로 C:\\\\"),
        ("수식 \\(x_1^2\\)", "수식 \\\\(x_1^2\\\\)"),
        ("<code>a_b*c</code> 와 <code>x`y</code>", "`a_b*c` 와 ``x`y``"),
    ],
)
def test_text_stays_literal(html: str, markdown: str) -> None:
    assert to_markdown(html) == markdown


def test_code_indented_with_nbsp_keeps_its_indentation() -> None:
    html = (
        "<div>def forward(self, x):</div>"
        "<div>&nbsp;&nbsp;&nbsp;&nbsp;if x is None:</div>"
        "<div>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;return 0</div>"
        "<div>&nbsp;&nbsp;&nbsp; return x&nbsp;&nbsp;# 둘</div>"
    )
    lines = to_markdown(html).split("\\\n")
    assert lines == [
        "def forward(self, x):",
        "\xa0" * 4 + "if x is None:",
        "\xa0" * 8 + "return 0",
        "\xa0" * 4 + "return x\xa0\xa0# 둘",
    ]


def test_the_markdown_renders_back_to_what_anki_showed() -> None:
    """The escaped Markdown, rendered, reads as the note did in Anki."""
    html = "__init__ 과 a_b_c<div># 주석</div><div>&nbsp;&nbsp;x = [1] * 2</div>"
    rendered = MarkdownIt("gfm-like").render(to_markdown(html))  # as Textual's Markdown
    assert "<strong>" not in rendered and "<h1>" not in rendered and "<em>" not in rendered
    text = re.sub(r"<[^>]+>", "", rendered)
    assert "__init__ 과 a_b_c" in text and "# 주석" in text
    assert "\xa0\xa0x = [1] * 2" in text


def test_a_nested_cloze_is_refused() -> None:
    with pytest.raises(NestedCloze, match="inside another one"):
        to_markdown("{{c1::바깥 {{c2::안쪽}} 끝}}")


def test_a_table_stays_a_table() -> None:
    html = "<table><tr><th>함수</th><th>뜻</th></tr><tr><td>a|b</td><td><b>x</b></td></tr></table>"
    assert to_markdown(html) == "| 함수 | 뜻 |\n|---|---|\n| a\\|b | **x** |"


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

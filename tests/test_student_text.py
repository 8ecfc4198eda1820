"""The one renderer of bank text in lists: markers gone, blanks masked, links read."""

from __future__ import annotations

from quizapp.student_text import list_line, plain


def test_a_masked_blank_before_parentheses_is_not_read_as_a_link() -> None:
    text = "모양이 (2, 3)인 a, b를 torch.{{c1::stack}}(a, b)로 쌓는다"
    assert plain(text) == "모양이 (2, 3)인 a, b를 torch.[...](a, b)로 쌓는다"
    assert plain("{{c1::stack::함수}}([a, b])") == "[함수]([a, b])"


def test_markers_and_links_go_the_words_stay() -> None:
    assert plain("**굵게**와 `x[i]`, [문서](https://pytorch.org)") == "굵게와 x[i], 문서"


def test_a_list_line_never_gives_the_answer_away() -> None:
    class Card:
        headline = "LSTM의 {{c1::forget}} 게이트"

    assert list_line(Card()) == "LSTM의 [...] 게이트"

"""Display widths for text columns: Korean in either Unicode normal form takes two cells a syllable."""

from __future__ import annotations

import unicodedata

from question_bank.text import display_width, pad

WORD = "손실함수"
DECOMPOSED = unicodedata.normalize("NFD", WORD)


def test_decomposed_hangul_is_as_wide_as_composed() -> None:
    assert len(DECOMPOSED) == 11  # four leading consonants, four vowels, three finals
    assert display_width(WORD) == 8
    assert display_width(DECOMPOSED) == 8


def test_pad_aligns_decomposed_hangul_with_latin_text() -> None:
    assert pad(DECOMPOSED, 10) == DECOMPOSED + "  "
    assert pad(WORD, 10) == WORD + "  "
    assert pad("LSTM", 10) == "LSTM      "


def test_pad_leaves_text_wider_than_the_column_alone() -> None:
    assert pad(DECOMPOSED, 4) == DECOMPOSED

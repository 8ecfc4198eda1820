"""Every interface message exists in Korean and English with the same `{placeholders}`."""

from __future__ import annotations

from string import Formatter

import pytest

from quizapp.i18n import MESSAGES

LANGS = ("ko", "en")


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_message_is_in_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == set(LANGS), f"{key}: languages {sorted(entry)}"
    for lang in LANGS:
        assert entry[lang].strip(), f"{key}: empty {lang} text"
    assert _placeholders(entry["ko"]) == _placeholders(entry["en"]), key

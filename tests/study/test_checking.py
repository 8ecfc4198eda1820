"""Answer checking for every written item type, as the bank format defines "correct"."""

from __future__ import annotations

import unicodedata

import pytest

from question_bank import Bank
from quizapp.study import check_answer, expected_text, response_text
from tests.store.helpers import RIGHT, WRONG


@pytest.mark.parametrize("item_id", sorted(RIGHT))
def test_right_and_wrong_answers_of_each_type(bank: Bank, item_id: str) -> None:
    item = bank.items[item_id]
    assert check_answer(item, RIGHT[item_id]) is True
    assert check_answer(item, WRONG[item_id]) is False


def test_short_answers_match_after_nfc_case_folding_and_white_space(bank: Bank) -> None:
    item = bank.items["sa"]
    assert check_answer(item, unicodedata.normalize("NFD", "렐루"))  # decomposed Hangul
    assert check_answer(item, "RELU")
    assert check_answer(item, "\t ReLU\n")
    assert not check_answer(item, "Re LU")
    assert not check_answer(item, "")


def test_numbers_are_right_within_the_tolerance(bank: Bank) -> None:
    item = bank.items["num"]  # 896 ± 0.5
    for typed in ("896", "896.5", "895.5", " 8.96e2 ", "896.0", 896, 896.25):
        assert check_answer(item, typed), typed
    for typed in ("896.6", "895.4", "abc", "", "nan", "inf", float("nan"), True):
        assert not check_answer(item, typed), typed


def test_multiple_choice_needs_exactly_the_right_set(bank: Bank) -> None:
    item = bank.items["mc"]  # answers a, c
    assert check_answer(item, ["c", "a"])
    assert not check_answer(item, ["a"])
    assert not check_answer(item, ["a", "b", "c"])
    assert not check_answer(item, ["a", "c", "c"])
    assert not check_answer(item, [])


def test_single_choice_and_true_false(bank: Bank) -> None:
    assert check_answer(bank.items["sc"], "나")
    assert not check_answer(bank.items["sc"], "나 ")  # a choice is chosen, not typed
    tf = bank.items["tf"]  # answer: true
    for typed in (True, "true", "O", "o", "참", " T "):
        assert check_answer(tf, typed), typed
    for typed in (False, "false", "X", "거짓", "maybe", ""):
        assert not check_answer(tf, typed), typed


def test_cloze_needs_every_blank_with_short_answer_matching(bank: Bank) -> None:
    item = bank.items["cz"]  # {{c1::CrossEntropyLoss}} … {{c2::logits::원시 출력}}
    assert check_answer(item, ["CROSSENTROPYLOSS", " logits "])
    assert not check_answer(item, ["CrossEntropyLoss"])  # a blank left out
    assert not check_answer(item, ["CrossEntropyLoss", "원시 출력"])  # the hint is not the answer
    assert not check_answer(item, ["CrossEntropyLoss", "logits", "extra"])


def test_flashcards_are_not_checked(bank: Bank) -> None:
    with pytest.raises(ValueError, match="self-rated"):
        check_answer(bank.items["fc"], "다차원 배열")


def test_answers_as_logged_and_expected_answers_as_shown(bank: Bank) -> None:
    assert response_text(["c", "a"]) == '["c", "a"]'
    assert response_text(True) == "true"
    assert response_text(" relu ") == " relu "
    assert expected_text(bank.items["mc"]) == "a / c"
    assert expected_text(bank.items["num"]) == "896 ± 0.5"
    assert expected_text(bank.items["cz"]) == "CrossEntropyLoss / logits"
    assert expected_text(bank.items["tf"]) == "O (true)"

"""Answer checking for every written item type, as the bank format defines "correct"."""

from __future__ import annotations

import unicodedata

import pytest

from question_bank import Bank, Cloze, Numeric
from quizapp.study import check_answer, expected_text, logged_response
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
    assert check_answer(item, "Re LU")  # spacing never matters (issue 20)
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
    for typed in ("참입니다", "맞습니다", "O.", "ｏ", "○", "네"):  # as students write them
        assert check_answer(tf, typed), typed
    for typed in ("거짓입니다", "틀립니다", "아니요", "×", "참 아님"):
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
    assert logged_response(["c", "a"]) == '["c", "a"]'
    assert logged_response(True) == "true"
    assert logged_response(" relu ") == " relu "
    assert expected_text(bank.items["mc"]) == "a / c"
    assert expected_text(bank.items["num"]) == "896 ± 0.5"
    assert expected_text(bank.items["cz"]) == "CrossEntropyLoss / logits"
    assert expected_text(bank.items["tf"]) == "O (true)"


def _cloze(text: str) -> Cloze:
    return Cloze(id="c", type="cloze", text=text)


def test_cloze_blanks_take_alternatives_and_match_leniently() -> None:
    item = _cloze("손실함수는 {{c1::목적|비용}} 함수라고도 한다.")
    for typed in ("목적", "비용", " 비용 "):
        assert check_answer(item, [typed]), typed
    assert not check_answer(item, ["목적|비용"])
    assert not check_answer(item, ["이익"])
    assert expected_text(item) == "목적 | 비용"
    code = _cloze("`model.{{c1::eval}}()` 뒤에는 `nn.{{c2::Dropout}}`이 꺼진다.")
    assert check_answer(code, ["eval()", "nn.Dropout"])  # what the text already has
    assert check_answer(code, ["EVAL", "torch.nn.Dropout"])
    assert not check_answer(code, ["train()", "Dropout"])
    pairs = _cloze("{{c1::과대적합|overfitting}}은 {{c2::x.view(-1, 4)}}와 무관하다.")
    assert check_answer(pairs, ["Overfitting", "x.view(-1,4)"])  # spaces by punctuation
    assert check_answer(pairs, ["over fitting", "x.view(-1, 4)"])  # spacing never matters
    assert not check_answer(pairs, ["underfitting", "x.view(-1, 4)"])


def test_ratio_answers_take_a_decimal_a_percentage_or_a_fraction() -> None:
    item = Numeric(id="n", type="numeric", prompt="정밀도?", answer=0.8, form="ratio")
    for typed in ("0.8", "80%", "80 %", "4/5", " 8/10 ", ".8"):
        assert check_answer(item, typed), typed
    for typed in ("80", "5/4", "1/0", "80%%", "%", "4/", "abc"):
        assert not check_answer(item, typed), typed
    third = Numeric(id="t", type="numeric", prompt="?", answer=1 / 3, tolerance=0.005, form="ratio")
    for typed in ("1/3", "33.3%", "0.333", "2/6"):
        assert check_answer(third, typed), typed
    plain = Numeric(id="p", type="numeric", prompt="?", answer=0.8)
    assert check_answer(plain, "0.8") and not check_answer(plain, "80%")
    assert expected_text(item) == "0.8 (80%)"

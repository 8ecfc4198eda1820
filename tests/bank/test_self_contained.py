"""Every bundled item stands alone, keeps to its scope, and says what answer form it takes
(issue 14): no item leans on one not shown, exam-marked topics carry pages, mocks stay
inside the exam, and the named items accept their alternative spellings."""

from __future__ import annotations

import re

import pytest

from question_bank import Bank, Cloze, Item, Numeric
from question_bank.scope import in_exam_scope, is_exam_mock, scope_warnings
from quizapp.study import check_answer

# "위 모델", "위의 표", "앞 문항", "이전 문제": words that point at something outside the item.
POINTS_ELSEWHERE = re.compile(r"^\s*위의?\s|앞\s*문항|이전\s*문(항|제)|위\s*문항|앞\s*문제")


def _texts(item: Item) -> list[str]:
    return [
        getattr(item, name)
        for name in ("prompt", "text", "front", "back")
        if isinstance(getattr(item, name, None), str)
    ]


def test_pointing_words_are_detected() -> None:
    assert POINTS_ELSEWHERE.search("위 Fashion-MNIST CNN의 파라미터 수는?")
    assert POINTS_ELSEWHERE.search("위의 패딩 없는 특징 추출부")
    assert POINTS_ELSEWHERE.search("앞 문항의 모델에서")
    assert not POINTS_ELSEWHERE.search("왼쪽 위 원소는?")


def test_no_item_refers_to_another(bank: Bank) -> None:
    leaning = [
        f"{bank.where[i.id]} {i.id}"
        for i in bank.items.values()
        if any(POINTS_ELSEWHERE.search(t) for t in _texts(i))
    ]
    assert not leaning, "items that refer to something not shown:\n" + "\n".join(leaning)


def test_exam_marked_topics_have_syllabus_pages(bank: Bank) -> None:
    # Everything outside the 20-beyond-* files is from a "(시험에 나온다)" part of the notes.
    outside = [
        i.id
        for i in bank.items.values()
        if not bank.where[i.id].path.name.startswith("20-beyond-")
        and not in_exam_scope(i.pages, bank.syllabus)
    ]
    assert not outside
    descent = [i for i in bank.items.values() if i.topic == "경사 하강법"]
    assert len(descent) >= 10
    assert all(in_exam_scope(i.pages, bank.syllabus) for i in descent)


def test_mocks_and_the_drill_keep_to_the_exam(bank: Bank) -> None:
    assert is_exam_mock(bank.exams["ai-essential-mock"])
    for blueprint in ("ai-essential-mock", "written-drill"):
        written = [s for s in bank.exams[blueprint].sections if s.kind == "written"]
        assert written and all(s.scope == "exam" for s in written)
    assert [s.scope for s in bank.exams["beyond-exam-drill"].sections] == ["beyond"]
    assert scope_warnings(bank) == []


def test_ratio_items_say_which_forms_they_take(bank: Bank) -> None:
    ratios = [i for i in bank.written if isinstance(i, Numeric) and i.form == "ratio"]
    assert {"x-metric-precision", "x-ragas-faithfulness-value", "x-ens-soft-voting"} <= {
        i.id for i in ratios
    }
    for item in ratios:
        assert "%" in item.prompt and "/" in item.prompt, item.id


@pytest.mark.parametrize(
    ("item_id", "typed"),
    [
        ("x-metric-precision", ["0.8", "80%", "4/5"]),
        ("x-ragas-faithfulness-value", ["0.8", "80%", "4/5"]),
        ("x-ens-soft-voting", ["0.55", "55%", "11/20"]),
    ],
)
def test_ratio_items_accept_decimal_percent_and_fraction(
    bank: Bank, item_id: str, typed: list[str]
) -> None:
    for answer in typed:
        assert check_answer(bank.items[item_id], answer), answer


def test_loss_objective_cloze_accepts_its_synonyms(bank: Bank) -> None:
    item = bank.items["loss-objective-cloze"]
    assert isinstance(item, Cloze)
    for typed in ("목적", "비용", "objective", "Cost"):
        assert check_answer(item, [typed]), typed
    assert not check_answer(item, ["손실"])

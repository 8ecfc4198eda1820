"""The bank shipped with the app: valid, complete in scope, and every type in use."""

from __future__ import annotations

from question_bank import ITEM_TYPES, load_banks
from question_bank.pages import format_pages

# The exam list at the end of seed 001_496ae4e15b747faf.txt, line by line.
EXAM_SCOPE = [
    ("파이토치 텐서", "18, 20, 23, 26", "Lab1 연습문제"),
    ("머신러닝 학습 절차", "34-35", None),
    ("머신러닝 학습 유형", "37", None),
    ("심층신경망", "45", None),
    ("뉴런(퍼셉트론)", "47", None),
    ("손실함수", "50", None),
    ("최적화도구(optimizer)", "68-69", None),
    ("데이터로더", "71-76", "Lab1 연습문제"),
    ("DNN 모델 구성", "81", None),
    ("DNN 모델링", "83-88", "Lab1 연습문제, WS1"),
    ("과적합", "90-91", None),
    ("배치정규화", "99-100", None),
    ("합성곱층", "105-106", None),
    ("풀링층", "113-114", None),
    ("CNN 모델 구성", "121-123", "Lab2 연습문제, WS2"),
    ("전이학습", "125", None),
    ("임베딩", "160", None),
    ("순환신경망", "168-169", None),
    ("LSTM", "172-173", None),
    ("LSTM 모델 구성", "181-182", "Lab3 연습문제, WS3"),
    ("랭체인", "215-216", None),
    ("RAG", "246-251", None),
    ("벡터스토어", "260", None),
]


def test_bundled_bank_validates() -> None:
    _, problems = load_banks()
    assert [str(p) for p in problems] == []


def test_syllabus_is_the_exam_list() -> None:
    bank, _ = load_banks()
    assert [(e.title, format_pages(e.pages), e.notes) for e in bank.syllabus] == EXAM_SCOPE


def test_every_item_type_is_used() -> None:
    bank, _ = load_banks()
    assert {item.type for item in bank.items.values()} == set(ITEM_TYPES)


def test_in_scope_items_touch_a_syllabus_entry() -> None:
    bank, _ = load_banks()
    from question_bank import overlaps

    for item in [*bank.items.values(), *bank.tasks.values()]:
        if item.pages:
            assert any(overlaps(item.pages, e.pages) for e in bank.syllabus), item.id

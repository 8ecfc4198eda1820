"""glossary.yaml: its validation (path:line), its use by every typed answer, and the
property that no glossary entry makes any item's listed wrong option right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from question_bank import Bank, load_banks
from question_bank.answers.typed import judge_text
from question_bank.glossary import Glossary, term_key
from question_bank.glossary_check import wrong_options

MakeBank = Callable[..., Path]

ITEMS = """
    pages: [50]
    items:
      - id: loss-pick
        type: single_choice
        prompt: 회귀 손실은?
        choices: [MSE, MAE, CE]
        answer: MSE
      - id: gate-name
        type: short_answer
        prompt: 이전 셀 상태를 남길 양을 정하는 게이트는?
        answers: [망각 게이트]
        reject:
          - answer: 입력 게이트
            why: 입력 게이트는 새 정보를 더할 양을 정합니다.
"""


def problems_of(bank: Path) -> list[str]:
    _, problems = load_banks([bank], bundled=False)
    return [f"{p.path.relative_to(bank)}:{p.line}: {p.message}" for p in problems]


def test_a_good_glossary_is_loaded_and_used(make_bank: MakeBank) -> None:
    folder = make_bank(
        {
            "items/a.yaml": ITEMS,
            "glossary.yaml": """
                # equivalent terms
                - [망각, forget]
                - [게이트, gate]
                - [입력, input]
            """,
        }
    )
    bank, problems = load_banks([folder], bundled=False)
    assert problems == []
    assert [s.line for s in bank.glossary.sets] == [2, 3, 4]
    answers = ["망각 게이트"]
    assert judge_text("forget gate", answers, bank.glossary).correct
    assert not judge_text("input gate", answers, bank.glossary).correct


def test_glossary_problems_are_reported_at_their_lines(make_bank: MakeBank) -> None:
    folder = make_bank(
        {
            "items/a.yaml": ITEMS,
            "glossary.yaml": """
                - [망각, forget]
                - []
                - [CE]
                - [mini batch, minibatch]
                - [forget, 잊기]
                - [평균 제곱 오차, MSE, MAE]
                - [입력 게이트, 망각 게이트]
                - just text
                - [학습률, ""]
            """,
        }
    )
    assert problems_of(folder) == [
        "glossary.yaml:2: a glossary set needs two or more terms, got an empty set",
        "glossary.yaml:3: a glossary set needs two or more terms, got only 'CE'",
        "glossary.yaml:4: 'mini batch' and 'minibatch' are one term (spacing and case do not "
        "count): keep one",
        "glossary.yaml:5: term 'forget' is already in the set at "
        f"{folder / 'glossary.yaml'}:1 (망각 / forget); merge the two sets or drop one",
        "glossary.yaml:6: this set makes 'MAE', a wrong option of item 'loss-pick' "
        f"({folder / 'items/a.yaml'}:3), match its answer 'MSE'",
        "glossary.yaml:7: this set makes '입력 게이트', a wrong option of item 'gate-name' "
        f"({folder / 'items/a.yaml'}:8), match its answer '망각 게이트'",
        "glossary.yaml:8: a glossary entry is a list of equivalent terms: [a, b]",
        "glossary.yaml:9: a glossary term must be non-empty text",
    ]


def test_a_glossary_that_is_not_a_list(make_bank: MakeBank) -> None:
    folder = make_bank({"items/a.yaml": ITEMS, "glossary.yaml": "망각: forget\n"})
    assert problems_of(folder) == [
        "glossary.yaml:1: glossary.yaml must be a list of term sets, e.g. - [망각 게이트, forget gate]"
    ]


def test_a_term_in_two_banks_glossaries(make_bank: MakeBank) -> None:
    one = make_bank({"items/a.yaml": ITEMS, "glossary.yaml": "- [망각, forget]\n"})
    two = make_bank({"glossary.yaml": "- [forget, 잊음]\n"})
    _, problems = load_banks([one, two], bundled=False)
    assert [(p.path, p.line) for p in problems] == [(two / "glossary.yaml", 1)]
    assert "already in the set at" in problems[0].message


def test_reject_problems(make_bank: MakeBank) -> None:
    folder = make_bank(
        {
            "items/a.yaml": """
                pages: [50]
                items:
                  - id: same
                    type: short_answer
                    prompt: 활성화 함수는?
                    answers: [ReLU]
                    reject:
                      - answer: relu
                        why: 같은 답
                  - id: cz
                    type: cloze
                    text: "{{c1::forget}} 게이트"
                    reject:
                      - answer: input
                        why: 입력 게이트
                      - answer: output
                        why: 출력 게이트
                        blank: 3
                  - id: num
                    type: numeric
                    prompt: 몇 개?
                    answer: 4
                    reject:
                      - answer: 많이
                        why: 숫자로
                        blank: 1
            """
        }
    )
    assert problems_of(folder) == [
        "items/a.yaml:3: item 'same': the rejected answer 'relu' matches the answer 'ReLU' "
        "(typed answers ignore spacing, case, punctuation and a trailing particle)",
        "items/a.yaml:14: a cloze's `reject` names its `blank` (1 for c1)",
        "items/a.yaml:18: the text has no blank c3",
        "items/a.yaml:24: a numeric reject is a number, got '많이'",
        "items/a.yaml:26: `blank` belongs to a cloze's `reject`",
    ]


def test_the_bundled_glossary_covers_every_exam_topic(bank: Bank) -> None:
    """Korean and English terms of each exam-list topic (seed 001's list) are in it."""
    for korean, english in [
        ("텐서", "tensor"),
        ("지도 학습", "supervised learning"),
        ("심층 신경망", "DNN"),
        ("퍼셉트론", "perceptron"),
        ("손실 함수", "loss function"),
        ("옵티마이저", "optimizer"),
        ("데이터 로더", "data loader"),
        ("과적합", "overfitting"),
        ("배치 정규화", "batch normalization"),
        ("합성곱층", "convolution layer"),
        ("풀링층", "pooling layer"),
        ("합성곱 신경망", "CNN"),
        ("전이 학습", "transfer learning"),
        ("임베딩", "embedding"),
        ("순환 신경망", "RNN"),
        ("장단기 메모리", "LSTM"),
        ("망각", "forget"),
        ("랭체인", "LangChain"),
        ("검색 증강 생성", "RAG"),
        ("벡터 스토어", "vector store"),
        ("학습률", "lr"),
        ("교차 엔트로피", "CE"),
    ]:
        number = bank.glossary.set_of(korean)
        assert number is not None, korean
        assert bank.glossary.set_of(english) == number, (korean, english)
    assert len(bank.glossary.sets) >= 150


def _wrong_options(bank: Bank) -> list[tuple[str, str, list[str]]]:
    return [
        (item.id, option, answers)
        for item in bank.items.values()
        for option, answers in wrong_options(item)
    ]


def test_no_glossary_entry_makes_any_wrong_option_right(bank: Bank) -> None:
    """The property, checked entry by entry and all together over the bundled bank: every
    wrong choice and every `reject:` answer stays wrong with the glossary applied."""
    options = _wrong_options(bank)
    assert len(options) > 300  # the bank's wrong choices and rejects
    whole = [(i, o) for i, o, a in options if judge_text(o, a, bank.glossary).correct]
    assert whole == []
    for entry in bank.glossary.sets:
        alone = Glossary([entry])
        keys = [term_key(t) for t in entry.terms]
        made_right = [
            (i, o)
            for i, o, a in options
            if any(k in term_key(o + "".join(a)) for k in keys)  # the entry can touch them
            and judge_text(o, a, alone).correct
        ]
        assert made_right == [], (entry.line, entry.terms)


@pytest.mark.parametrize("typed", ["망각", "forget", "Forget", "망각이요", "forget 게이트"])
def test_the_lstm_cloze_takes_both_languages(bank: Bank, typed: str) -> None:
    from question_bank.answers.typed import judge_typed

    item = bank.items["lstm-cell-update-cloze"]
    assert judge_typed(item, [typed, "입력", "tanh"], bank.glossary).correct  # type: ignore[arg-type]

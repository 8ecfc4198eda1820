"""`bank check`'s warning for a reversible flashcard whose back gives its front away."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from question_bank import Bank, Flashcard, load_banks
from question_bank.flashcard_check import giveaway, giveaway_warnings
from question_bank.glossary import Glossary, TermSet
from tests.helpers import quizapp

MakeBank = Callable[..., Path]
GLOSSARY = Glossary([TermSet(("교차 엔트로피", "cross entropy", "CE"), Path("g.yaml"), 1)])


def card(front: str, back: str) -> Flashcard:
    return Flashcard(id="c", type="flashcard", front=front, back=back, reverse=True)


@pytest.mark.parametrize(
    ("front", "back", "term"),
    [
        ("MSE(평균 제곱 오차)", "회귀용. 파이토치: `nn.MSELoss()`.", "MSE"),
        (
            "교차 엔트로피(Cross Entropy) 손실",
            "다중 분류용. `nn.CrossEntropyLoss()`",
            "cross entropy",
        ),
        ("LSTM", "Long Short-Term Memory. 게이트와 셀 상태로 …", "Long Short-Term Memory"),
        ("LoRA", "Low-Rank Adaptation. W를 고정하고 …", "Low-Rank"),
        (
            "FAISS",
            "Facebook AI Similarity Search. Meta의 라이브러리",
            "Facebook AI Similarity Search",
        ),
        ("ReAct", "Reasoning and Acting. 추론과 행동을 번갈아", "Reasoning and Acting"),
        ("TF-IDF", "단어 빈도(TF) × 역문서 빈도(IDF)", "TF"),
        ("Nesterov Momentum(NAG)", "`optim.SGD(params, lr, nesterov=True)`", "Nesterov"),
        ("배치 정규화(Batch Normalization)", "미니배치의 평균과 분산으로 정규화한 뒤 …", None),
        ("드롭아웃(Dropout)", "학습 중 뉴런 일부를 무작위로 끈다.", None),
        ("softmax를 거치기 전의 점수는?", "로짓(logits)", None),  # a question is not a term
        ("TF-IDF", "softmax의 결과", None),  # `tf` inside a word is not the term
    ],
)
def test_the_key_term_of_the_front_on_the_back(front: str, back: str, term: str | None) -> None:
    assert giveaway(card(front, back), GLOSSARY) == term


def test_the_bundled_bank_has_none_and_the_fixed_cards_would_be_caught(bank: Bank) -> None:
    assert giveaway_warnings(bank) == []
    one_way = ["fc-loss-mse", "fc-rag-what", "fc-lstm-name", "fc-vs-faiss", "fc-x-lora-what"]
    for item_id in one_way:
        item = bank.items[item_id]
        assert isinstance(item, Flashcard) and not item.reverse
        assert giveaway(item.model_copy(update={"reverse": True}), bank.glossary), item_id


def test_bank_check_warns_at_the_cards_line(make_bank: MakeBank) -> None:
    folder = make_bank(
        {
            "items/cards.yaml": """
                pages: [50]
                items:
                  - id: fc-ok
                    type: flashcard
                    front: 드롭아웃
                    back: 뉴런 일부를 무작위로 끈다.
                    reverse: true
                  - id: fc-rag
                    type: flashcard
                    front: RAG
                    back: Retrieval-Augmented Generation. 검색한 문서로 답을 만든다.
                    reverse: true
            """
        }
    )
    bank, problems = load_banks([folder], bundled=False)
    assert problems == []
    warnings = [
        f"{p.path.relative_to(folder)}:{p.line}: {p.message}" for p in giveaway_warnings(bank)
    ]
    assert warnings == [
        "items/cards.yaml:8: reversible flashcard 'fc-rag': its back contains "
        "'Retrieval-Augmented Generation', the term its front asks for, so the reverse card "
        "answers itself; rewrite the back or drop `reverse: true`"
    ]
    run = quizapp("bank", "check", folder)
    assert run.code == 0, run.err
    assert "items/cards.yaml:8: warning: reversible flashcard 'fc-rag'" in run.out
    assert run.out.splitlines()[-1].endswith(")") and "1 warning" in run.out

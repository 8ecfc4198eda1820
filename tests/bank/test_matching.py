"""The typed-answer matching rules (question_bank.answers), one table row per case.

Each rule has cases that must be accepted and cases that must stay wrong, in Korean
and in English; the counts are reported in the closing note of issue 20.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from question_bank.answers.numbers import judge_number
from question_bank.answers.typed import judge_text, judge_typed
from question_bank.glossary import Glossary, TermSet
from question_bank.models import Cloze, Numeric, Reject, ShortAnswer

GLOSSARY = Glossary(
    [
        TermSet(terms, Path("glossary.yaml"), line)
        for line, terms in enumerate(
            [
                ("망각", "forget"),
                ("입력", "input"),
                ("게이트", "gate"),
                ("교차 엔트로피", "크로스 엔트로피", "cross entropy", "CE"),
                ("손실", "loss"),
                ("학습률", "learning rate", "lr"),
                ("과적합", "과대적합", "overfitting"),
                ("과소적합", "underfitting"),
                ("평균 제곱 오차", "mean squared error", "MSE"),
                ("평균 절대 오차", "mean absolute error", "MAE"),
                ("조기 종료", "early stopping"),
                ("렐루", "ReLU"),
                ("이진 교차 엔트로피", "binary cross entropy", "BCE"),
                ("파라미터", "parameter", "parameters"),
            ],
            1,
        )
    ]
)

REJECTS = [Reject(answer="입력 게이트", why="입력 게이트는 새 정보를 더할 양을 정합니다.")]

# (rule, typed, accepted answers, right?)
TEXT_CASES: list[tuple[str, str, list[str], bool]] = [
    # spacing, case, punctuation, quotes, width, Unicode normalisation
    ("spelling", "과적합", ["과적합"], True),
    ("spelling", "  과 적합 ", ["과적합"], True),
    ("spelling", "과적합.", ["과적합"], True),
    ("spelling", "'과적합'", ["과적합"], True),
    ("spelling", "「과적합」", ["과적합"], True),
    ("spelling", unicodedata.normalize("NFD", "과적합"), ["과적합"], True),
    ("spelling", "RELU", ["ReLU"], True),
    ("spelling", "Re LU", ["ReLU"], True),
    ("spelling", "ＲｅＬＵ", ["ReLU"], True),
    ("spelling", "`relu`!", ["ReLU"], True),
    ("spelling", "Early-Stopping", ["early stopping"], True),  # a hyphen between letters
    ("spelling", "mini-batch", ["미니 배치", "mini batch"], True),
    ("spelling", "x.view(-1, 4)", ["x.view(1, 4)"], False),
    ("spelling", "(3,4)", ["(3, 4)"], True),
    ("spelling", "torch.nn.Linear()", ["Linear"], True),
    ("spelling", "Linear", ["nn.Linear"], True),
    ("spelling", "과적", ["과적합"], False),
    ("spelling", "overfit", ["overfitting"], False),
    # a particle or copula after a whole accepted answer
    ("ending", "과적합이요", ["과적합"], True),
    ("ending", "과적합입니다", ["과적합"], True),
    ("ending", "과적합을", ["과적합"], True),
    ("ending", "과적합이다.", ["과적합"], True),
    ("ending", "overfitting입니다", ["overfitting"], True),
    ("ending", "과적합이 아니다", ["과적합"], False),
    ("ending", "과적합도", ["과적합"], False),
    ("ending", "과적합화", ["과적합"], False),
    ("ending", "과소적합이요", ["과적합"], False),  # a particle never makes another word right
    ("ending", "overfittings", ["overfitting"], False),
    # the glossary, both directions, whole words for Latin letters
    ("glossary", "forget", ["망각"], True),
    ("glossary", "망각", ["forget"], True),
    ("glossary", "forget gate", ["망각 게이트"], True),
    ("glossary", "망각 gate", ["forget gate"], True),
    ("glossary", "CE", ["교차 엔트로피"], True),
    ("glossary", "크로스엔트로피 손실", ["cross entropy loss"], True),
    ("glossary", "lr", ["학습률"], True),
    ("glossary", "Learning Rate입니다", ["학습률"], True),
    ("glossary", "과대적합", ["과적합"], True),
    ("glossary", "input gate", ["망각 게이트"], False),  # a neighbouring concept
    ("glossary", "입력", ["forget"], False),
    ("glossary", "underfitting", ["과적합"], False),
    ("glossary", "MAE", ["MSE"], False),
    ("glossary", "mean absolute error", ["평균 제곱 오차"], False),
    ("glossary", "lrelu", ["학습률"], False),  # `lr` only as a whole word
    ("glossary", "ce loss", ["교차 엔트로피"], False),  # right term plus another word
    # spacing never counts, also where the glossary sees words (`bce loss` is `BCELoss`)
    ("glossary", "bce loss", ["BCELoss"], True),
    ("glossary", "Binary Cross Entropy Loss", ["BCELoss"], True),
    ("glossary", "cross entropy loss", ["CrossEntropyLoss"], True),
    ("glossary", "mean absolute error loss", ["MSELoss"], False),
    # two forms of the answer, both right
    ("both", "조기 종료 (early stopping)", ["조기 종료"], True),
    ("both", "overfitting(과적합)", ["과적합"], True),
    ("both", "조기 종료 (dropout)", ["조기 종료"], False),
    ("both", "과소적합(overfitting)", ["과적합"], False),
    # near misses stay wrong: substrings, don't-know, right term plus a claim, edits
    ("near", "게이트", ["망각 게이트"], False),
    ("near", "gate", ["forget gate"], False),
    ("near", "모름", ["과적합"], False),
    ("near", "?", ["과적합"], False),
    ("near", "", ["과적합"], False),
    ("near", "과적합 또는 과소적합", ["과적합"], False),
    ("near", "overfitting and underfitting", ["overfitting"], False),
    ("near", "과적헙", ["과적합"], False),  # no edit distance
    ("near", "overfiting", ["overfitting"], False),
    ("near", "ReLU6", ["ReLU"], False),
]


@pytest.mark.parametrize(("rule", "typed", "accepted", "right"), TEXT_CASES)
def test_text_rules(rule: str, typed: str, accepted: list[str], right: bool) -> None:
    verdict = judge_text(typed, accepted, GLOSSARY)
    assert verdict.correct is right, (rule, typed, verdict)


# (rule, typed, answer, tolerance, form, prompt, right?)
NUMBER_CASES: list[tuple[str, str, float, float, str, str, bool]] = [
    ("plain", "4", 4, 0, "number", "몇 개?", True),
    ("plain", "4.0", 4, 0, "number", "몇 개?", True),
    ("plain", " +4 ", 4, 0, "number", "몇 개?", True),
    ("plain", "４", 4, 0, "number", "몇 개?", True),  # full width
    ("plain", "14", 4, 0, "number", "몇 개?", False),
    ("plain", "40", 4, 0, "number", "몇 개?", False),
    ("plain", "4.1", 4, 0, "number", "몇 개?", False),
    ("plain", "-4", 4, 0, "number", "몇 개?", False),
    ("plain", "−3", -3, 0, "number", "몇?", True),  # a typographic minus
    ("counter", "4개", 4, 0, "number", "몇 개?", True),
    ("counter", "4 개", 4, 0, "number", "몇 개?", True),
    ("counter", "4개입니다", 4, 0, "number", "몇 개?", True),
    ("counter", "4입니다", 4, 0, "number", "몇 개?", True),
    ("counter", "네 개", 4, 0, "number", "몇 개?", True),
    ("counter", "넷", 4, 0, "number", "몇 개?", True),
    ("counter", "26 픽셀", 26, 0, "number", "높이는?", True),
    ("counter", "3 epochs", 3, 0, "number", "몇 번?", True),
    ("counter", "세 개", 4, 0, "number", "몇 개?", False),
    ("counter", "네", 4, 0, "number", "몇 개?", False),  # 네 alone is "yes"
    ("counter", "4개 이상", 4, 0, "number", "몇 개?", False),
    ("counter", "약 4개", 4, 0, "number", "몇 개?", False),
    ("counter", "14GB", 14, 0, "number", "몇 GB?", True),
    ("counter", "없음", 0, 0, "number", "파라미터 수는?", True),
    ("counter", "없음", 4, 0, "number", "파라미터 수는?", False),
    ("named", "w = 1.4", 1.4, 0.0001, "number", "w는?", True),
    ("named", "len(loader)=11", 11, 0, "number", "len(loader)는?", True),
    ("named", "w = 1.5", 1.4, 0.0001, "number", "w는?", False),
    ("named", "w = b", 1.4, 0.0001, "number", "w는?", False),
    ("separator", "1,024", 1024, 0, "number", "몇 개?", True),
    ("separator", "1024.0", 1024, 0, "number", "몇 개?", True),
    ("separator", "1,02,4", 1024, 0, "number", "몇 개?", False),
    ("separator", "10,24", 1024, 0, "number", "몇 개?", False),
    ("separator", "1e3", 1000, 0, "number", "몇 개?", True),
    ("percent", "80%", 80, 0, "number", "정확도는 몇 %인가?", True),
    ("percent", "80 퍼센트", 80, 0, "number", "정확도는 몇 %인가?", True),
    ("percent", "80%", 80, 0, "number", "맞힌 개수는?", False),
    ("ratio", "0.8", 0.8, 0, "ratio", "정밀도는?", True),
    ("ratio", ".8", 0.8, 0, "ratio", "정밀도는?", True),
    ("ratio", "80%", 0.8, 0, "ratio", "정밀도는?", True),
    ("ratio", "80 %", 0.8, 0, "ratio", "정밀도는?", True),
    ("ratio", "4/5", 0.8, 0, "ratio", "정밀도는?", True),
    ("ratio", "8/10", 0.8, 0, "ratio", "정밀도는?", True),
    ("ratio", "5분의 4", 0.8, 0, "ratio", "정밀도는?", True),
    ("ratio", "0.8입니다", 0.8, 0, "ratio", "정밀도는?", True),
    ("ratio", "0.08", 0.8, 0, "ratio", "정밀도는?", False),
    ("ratio", "8%", 0.8, 0, "ratio", "정밀도는?", False),
    ("ratio", "80", 0.8, 0, "ratio", "정밀도는?", False),
    ("ratio", "5/4", 0.8, 0, "ratio", "정밀도는?", False),
    ("ratio", "1/0", 0.8, 0, "ratio", "정밀도는?", False),
    ("ratio", "4/5", 0.8, 0, "number", "정밀도는?", False),  # fractions only for ratios
    ("tolerance", "0.333", 1 / 3, 0.005, "ratio", "?", True),
    ("tolerance", "33.3%", 1 / 3, 0.005, "ratio", "?", True),
    ("tolerance", "0.34", 1 / 3, 0.005, "ratio", "?", False),
    ("near", "모름", 4, 0, "number", "몇 개?", False),
    ("near", "?", 4, 0, "number", "몇 개?", False),
    ("near", "", 4, 0, "number", "몇 개?", False),
    ("near", "nan", 4, 0, "number", "몇 개?", False),
    ("near", "inf", 4, 0, "number", "몇 개?", False),
    ("near", "4 or 5", 4, 0, "number", "몇 개?", False),
]


@pytest.mark.parametrize(
    ("rule", "typed", "answer", "tolerance", "form", "prompt", "right"), NUMBER_CASES
)
def test_number_rules(
    rule: str, typed: str, answer: float, tolerance: float, form: str, prompt: str, right: bool
) -> None:
    item = Numeric(
        id="n", type="numeric", prompt=prompt, answer=answer, tolerance=tolerance, form=form
    )
    verdict = judge_typed(item, typed)
    assert verdict.correct is right, (rule, typed, verdict)


def test_the_judgement_says_what_was_accepted_and_why() -> None:
    glossed = judge_text("망각을", ["forget"], GLOSSARY)
    assert (glossed.how, glossed.matched) == ("glossary", "forget")
    assert [(s.typed, s.accepted) for s in glossed.swaps] == [("망각", "forget")]
    assert judge_text("과적합입니다", ["과적합"]).how == "ending"
    assert judge_text("과 적합", ["과적합"]).how == "spelling"
    assert judge_text("과적합", ["과적합"]).how == "exact"
    counted = judge_number("4개", 4)
    assert (counted.correct, counted.how, counted.matched) == (True, "number", "4")
    assert judge_number("4", 4).how == "exact"
    assert judge_number("80%", 0.8, ratio=True).matched == "0.8"
    # a listed spelling wins over the glossary: nothing to explain
    assert judge_text("early stopping", ["조기 종료", "early stopping"], GLOSSARY).how == "exact"


def test_a_listed_near_miss_is_wrong_with_its_own_explanation() -> None:
    for typed in ("입력 게이트", "input gate", "입력게이트요"):
        verdict = judge_text(typed, ["망각 게이트"], GLOSSARY, REJECTS)
        assert not verdict.correct
        assert verdict.how == "rejected"
        assert verdict.why == "입력 게이트는 새 정보를 더할 양을 정합니다."
    assert judge_text("망각 게이트", ["망각 게이트"], GLOSSARY, REJECTS).correct
    number = judge_number("0.08", 0.8, ratio=True, rejects=[Reject(answer="0.08", why="소수점")])
    assert (number.how, number.why) == ("rejected", "소수점")
    assert judge_number("8%", 0.8, ratio=True, rejects=[Reject(answer="0.08", why="x")]).how == (
        "rejected"
    )


def test_each_blank_of_a_cloze_is_judged_on_its_own() -> None:
    item = Cloze(
        id="c",
        type="cloze",
        text="`f_t`는 {{c1::forget}} 게이트, `i_t`는 {{c2::input}} 게이트다.",
        reject=[Reject(answer="input", why="i_t가 입력 게이트입니다.", blank=1)],
    )
    right = judge_typed(item, ["망각", "입력"], GLOSSARY)
    assert right.correct and [b.correct for b in right.blanks] == [True, True]
    half = judge_typed(item, ["망각", "출력"], GLOSSARY)
    assert not half.correct and [b.correct for b in half.blanks] == [True, False]
    swapped = judge_typed(item, ["input", "forget"], GLOSSARY)
    assert [b.how for b in swapped.blanks] == ["rejected", "wrong"]
    assert swapped.blanks[0].why == "i_t가 입력 게이트입니다."
    # the word after the blank may come along; never alone
    assert judge_typed(item, ["forget gate", "입력 게이트"], GLOSSARY).correct
    assert not judge_typed(item, ["게이트", "input"], GLOSSARY).correct
    short = judge_typed(item, ["forget"], GLOSSARY)
    assert not short.correct and [b.correct for b in short.blanks] == [True, False]


def test_a_blank_in_code_takes_code_not_glossary_terms() -> None:
    item = Cloze(id="c", type="cloze", text="`Adam(model.{{c1::parameters}}(), lr=0.001)`")
    assert judge_typed(item, ["parameters()"], GLOSSARY).correct
    for typed in ("parameter", "파라미터"):
        assert not judge_typed(item, [typed], GLOSSARY).correct, typed
    prose = Cloze(id="p", type="cloze", text="학습되는 {{c1::parameters}}를 옵티마이저에 넘긴다.")
    assert judge_typed(prose, ["파라미터"], GLOSSARY).correct


@pytest.mark.parametrize(
    ("typed", "right"),
    [
        ("argmax 함수", True),
        ("argmax 메서드입니다", True),
        ("argmax 클래스", False),  # not the kind the question asks for
        ("argmin 함수", False),
        ("함수", False),
    ],
)
def test_a_short_answer_may_name_the_kind_the_question_asks_for(typed: str, right: bool) -> None:
    item = ShortAnswer(
        id="s", type="short_answer", prompt="최댓값의 위치를 주는 함수 이름은?", answers=["argmax"]
    )
    assert judge_typed(item, typed, GLOSSARY).correct is right


def test_short_answer_items_use_the_glossary_and_their_rejects() -> None:
    item = ShortAnswer(id="s", type="short_answer", prompt="?", answers=["과적합"], reject=REJECTS)
    assert judge_typed(item, "overfitting이요", GLOSSARY).correct
    assert not judge_typed(item, "overfitting이요").correct  # without the glossary


def test_table_counts() -> None:
    """The table covers each rule both ways (the counts go in the closing note)."""
    rules = {rule for rule, *_ in TEXT_CASES} | {rule for rule, *_ in NUMBER_CASES}
    for rule in rules - {"near"}:
        outcomes = {row[-1] for row in [*TEXT_CASES, *NUMBER_CASES] if row[0] == rule}
        assert outcomes == {True, False}, rule
    accepted = sum(1 for row in [*TEXT_CASES, *NUMBER_CASES] if row[-1])
    assert accepted >= 50 and len(TEXT_CASES) + len(NUMBER_CASES) - accepted >= 50

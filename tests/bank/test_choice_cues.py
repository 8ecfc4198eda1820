"""The bundled bank must not let a student score without knowing the subject.

- "Pick the longest choice": when the right answer is usually the longest, most detailed
  choice, a student scores by length instead of knowledge. With four choices, chance puts
  the right answer as the unique longest in about a quarter of the items; the limits below
  leave room for items whose answer needs a qualifier but catch a bank where length gives
  the answer away.
- "Say true": true/false statements are true about as often as false, and hedged
  statements ("…수 있다") too, which students otherwise learn to mark true.
- "Absolute words are wrong": 항상, 전혀, 반드시, 절대 appear in right answers and true
  statements about as often as in wrong ones.
- "Tick them all" / "tick two": some multiple-choice items have exactly one right choice,
  some all but one.
- "The first choice": choices are shown shuffled, but browse and exports show them as
  stored, so the answer is not always stored first.
"""

from __future__ import annotations

import re

from question_bank import Bank, Item, MultipleChoice, SingleChoice, TrueFalse

# Share of single_choice items whose answer is strictly longer than every other choice.
MAX_LONGEST_ANSWER_SHARE = 0.35
# Share of multiple_choice items where every right answer is longer than every wrong one.
MAX_LONG_ANSWERS_SHARE = 0.40
# Below this many items a share says nothing about the bank.
MIN_ITEMS = 20


def answer_is_uniquely_longest(item: SingleChoice) -> bool:
    """Whether a student who always picks the longest choice would get this item right."""
    longest = max(len(choice) for choice in item.choices)
    at_longest = [choice for choice in item.choices if len(choice) == longest]
    return at_longest == [item.answer]


def right_answers_all_longer(item: MultipleChoice) -> bool:
    """Whether picking the longer choices separates the right answers from the wrong ones."""
    wrong = [choice for choice in item.choices if choice not in item.answers]
    if not wrong:
        return False
    return min(len(a) for a in item.answers) > max(len(w) for w in wrong)


def _single(choices: list[str], answer: str) -> SingleChoice:
    return SingleChoice(id="t", type="single_choice", prompt="q", choices=choices, answer=answer)


def _multiple(choices: list[str], answers: list[str]) -> MultipleChoice:
    return MultipleChoice(
        id="t", type="multiple_choice", prompt="q", choices=choices, answers=answers
    )


def test_longest_answer_is_detected() -> None:
    assert answer_is_uniquely_longest(
        _single(["a much longer answer", "b", "c"], "a much longer answer")
    )
    assert not answer_is_uniquely_longest(_single(["short", "a longer distractor"], "short"))
    # A tie for the longest is no giveaway: the student still has to choose.
    assert not answer_is_uniquely_longest(_single(["same1", "same2", "x"], "same1"))


def test_long_right_answers_are_detected() -> None:
    assert right_answers_all_longer(
        _multiple(["long one", "long two", "x", "y"], ["long one", "long two"])
    )
    assert not right_answers_all_longer(
        _multiple(["long one", "x", "a long wrong one"], ["long one"])
    )
    # With no wrong choice there is nothing to separate.
    assert not right_answers_all_longer(_multiple(["a", "b"], ["a", "b"]))


def test_single_choice_answer_is_seldom_the_longest(bank: Bank) -> None:
    items = [i for i in bank.written if isinstance(i, SingleChoice)]
    assert len(items) >= MIN_ITEMS, "too few single_choice items to judge the length cue"
    cued = [i for i in items if answer_is_uniquely_longest(i)]
    share = len(cued) / len(items)
    where = "\n".join(f"{bank.where[i.id]} {i.id}" for i in cued)
    assert share <= MAX_LONGEST_ANSWER_SHARE, (
        f"the answer is the unique longest choice in {len(cued)}/{len(items)} single_choice "
        f"items ({share:.0%} > {MAX_LONGEST_ANSWER_SHARE:.0%}):\n{where}"
    )


def test_multiple_choice_right_answers_are_not_all_the_long_ones(bank: Bank) -> None:
    items = [i for i in bank.written if isinstance(i, MultipleChoice)]
    assert len(items) >= MIN_ITEMS, "too few multiple_choice items to judge the length cue"
    cued = [i for i in items if right_answers_all_longer(i)]
    share = len(cued) / len(items)
    where = "\n".join(f"{bank.where[i.id]} {i.id}" for i in cued)
    assert share <= MAX_LONG_ANSWERS_SHARE, (
        f"every right answer is longer than every wrong one in {len(cued)}/{len(items)} "
        f"multiple_choice items ({share:.0%} > {MAX_LONG_ANSWERS_SHARE:.0%}):\n{where}"
    )


# True/false: the share of true statements, overall and among hedged ones.
TRUE_SHARE = (0.40, 0.60)
HEDGED_TRUE_SHARE = (0.35, 0.65)
HEDGE = "수 있다"
# 절대값/절댓값 (absolute value) is a term, not an absolute claim.
ABSOLUTE = re.compile(r"항상|전혀|반드시|절대(?!값)")
# Multiple choice: at least this share with exactly one right choice, and some with all but one.
MIN_EXACTLY_ONE_SHARE = 0.10
MIN_ALL_BUT_ONE = 2
# Single choice: the answer stored first in at most this share (chance: about a quarter).
MAX_ANSWER_FIRST_SHARE = 0.40


def absolute_word_split(items: list[Item]) -> tuple[int, int]:
    """How many right answers / true statements and how many wrong choices / false
    statements hold an absolute word."""
    right = wrong = 0
    for item in items:
        if isinstance(item, TrueFalse):
            texts = [(item.prompt, item.answer)]
        elif isinstance(item, SingleChoice):
            texts = [(c, c == item.answer) for c in item.choices]
        elif isinstance(item, MultipleChoice):
            texts = [(c, c in item.answers) for c in item.choices]
        else:
            continue
        for text, is_right in texts:
            if ABSOLUTE.search(text):
                right += is_right
                wrong += not is_right
    return right, wrong


def test_absolute_words_are_detected() -> None:
    statement = TrueFalse(
        id="t", type="true_false", prompt="ReLU는 절대 음수가 아니다", answer=True
    )
    choice = _single(["항상 1이다", "절대값이 작다"], "절대값이 작다")
    assert absolute_word_split([statement, choice]) == (1, 1)


def _share_true(items: list[TrueFalse]) -> float:
    return sum(i.answer for i in items) / len(items)


def test_true_false_statements_are_true_about_half_the_time(bank: Bank) -> None:
    items = [i for i in bank.written if isinstance(i, TrueFalse)]
    assert len(items) >= MIN_ITEMS
    low, high = TRUE_SHARE
    assert low <= _share_true(items) <= high, f"{_share_true(items):.0%} of {len(items)} are true"


def test_hedged_statements_are_not_a_sign_of_truth(bank: Bank) -> None:
    items = [i for i in bank.written if isinstance(i, TrueFalse) and HEDGE in i.prompt]
    assert len(items) >= 8, "too few hedged statements to judge"
    low, high = HEDGED_TRUE_SHARE
    share = _share_true(items)
    listing = "\n".join(f"{i.answer} {i.id}" for i in items)
    assert low <= share <= high, f"{share:.0%} of hedged statements are true:\n{listing}"


def test_absolute_words_are_as_often_right_as_wrong(bank: Bank) -> None:
    right, wrong = absolute_word_split(bank.written)
    total = right + wrong
    assert abs(right - wrong) <= max(2, total // 4), (
        f"absolute words in {right} right answers / true statements but {wrong} wrong ones"
    )


def test_multiple_choice_items_vary_in_how_many_choices_are_right(bank: Bank) -> None:
    items = [i for i in bank.written if isinstance(i, MultipleChoice)]
    exactly_one = [i for i in items if len(i.answers) == 1]
    all_but_one = [i for i in items if len(i.answers) == len(i.choices) - 1]
    assert len(exactly_one) / len(items) >= MIN_EXACTLY_ONE_SHARE, (
        f"only {len(exactly_one)}/{len(items)} multiple_choice items have exactly one right choice"
    )
    assert len(all_but_one) >= MIN_ALL_BUT_ONE


def test_answers_are_not_stored_first(bank: Bank) -> None:
    single = [i for i in bank.written if isinstance(i, SingleChoice)]
    first = [i for i in single if i.choices[0] == i.answer]
    assert len(first) / len(single) <= MAX_ANSWER_FIRST_SHARE, (
        f"the answer is stored first in {len(first)}/{len(single)} single_choice items"
    )
    multiple = [i for i in bank.written if isinstance(i, MultipleChoice)]
    leading = [
        i
        for i in multiple
        if len(i.answers) < len(i.choices) and set(i.choices[: len(i.answers)]) == set(i.answers)
    ]
    assert len(leading) / len(multiple) <= MAX_ANSWER_FIRST_SHARE, (
        f"the right answers lead the choices in {len(leading)}/{len(multiple)} multiple_choice items"
    )

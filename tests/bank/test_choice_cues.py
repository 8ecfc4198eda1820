"""The bundled bank must not teach "pick the longest choice".

When the right answer is usually the longest, most detailed choice, a student scores by
length instead of knowledge. With four choices, chance puts the right answer as the unique
longest in about a quarter of the items; the limits below leave room for items whose answer
needs a qualifier but catch a bank where length gives the answer away.
"""

from __future__ import annotations

import pytest

from question_bank import Bank, MultipleChoice, SingleChoice, load_bank

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


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


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

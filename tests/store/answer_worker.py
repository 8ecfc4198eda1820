"""A real app process for the concurrency and durability tests: it opens the store,
answers quiz cards in a loop (right and wrong in turn) and prints one line per answer
*after* it is committed: ``<log entry id> <card id> <rating>``.

Usage: python answer_worker.py BANK_DIR DB_URL PROFILE COUNT   (COUNT 0: until killed)
"""

from __future__ import annotations

import sys
from itertools import count
from pathlib import Path

from question_bank import (
    Cloze,
    Item,
    MultipleChoice,
    Numeric,
    ShortAnswer,
    SingleChoice,
    Task,
    TrueFalse,
    load_bank,
)
from quizapp.store import open_url
from quizapp.study import Rating, Response, StudyService


def respond(item: Item, right: bool) -> Response:
    if isinstance(item, SingleChoice):
        return item.answer if right else next(c for c in item.choices if c != item.answer)
    if isinstance(item, MultipleChoice):
        return (
            list(item.answers) if right else [c for c in item.choices if c not in item.answers][:1]
        )
    if isinstance(item, TrueFalse):
        return item.answer if right else not item.answer
    if isinstance(item, ShortAnswer):
        return item.answers[0] if right else "틀린 답"
    if isinstance(item, Numeric):
        return str(item.answer if right else item.answer + item.tolerance + 1)
    if isinstance(item, Cloze):
        return [b.answer if right else "틀린 답" for b in item.blanks]
    raise ValueError(item.type)


def main() -> int:
    bank_dir, url, profile, limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    bank = load_bank([Path(bank_dir)], bundled=False)
    answered = 0
    with open_url(url, profile) as store:
        service = StudyService(store, bank)
        for round_no in count():
            session = service.quiz_session(seed=round_no)
            while (card := session.current()) is not None:
                if card.ref.kind == "flashcard":
                    outcome = session.rate(Rating.Again if answered % 2 else Rating.Good)
                else:
                    assert not isinstance(card.content, Task)
                    outcome = session.answer(respond(card.content, right=answered % 2 == 0))
                print(
                    f"{outcome.entry_id} {outcome.card.card_id} {int(outcome.rating)}", flush=True
                )
                answered += 1
                if answered == limit:
                    return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

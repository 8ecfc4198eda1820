"""Two app instances writing one store at once, in two real processes: no "database is
locked" reaches them, no answer is lost, and no review overwrites another's card state."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

from quizapp.store import open_url
from tests.store.helpers import write_sample_bank

WORKER = Path(__file__).with_name("answer_worker.py")
ANSWERS_EACH = 150


def test_two_writers_side_by_side(db_url: str, tmp_path: Path) -> None:
    bank = write_sample_bank(tmp_path / "bank")
    # Both start on a database that does not exist yet: they also race to create it.
    procs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), str(bank), db_url, "kim", str(ANSWERS_EACH)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err.lower() and "Traceback" not in err, err
        assert len(out.splitlines()) == ANSWERS_EACH

    printed = {}
    for out, _ in results:
        for line in out.splitlines():
            entry_id, card_id, rating = line.split()
            printed[int(entry_id)] = (card_id, int(rating))

    with open_url(db_url, "kim") as store:
        entries = store.reviews.entries()
        assert len(entries) == 2 * ANSWERS_EACH == len(printed)
        assert {e.id: (e.card_id, e.rating) for e in entries} == printed
        # Each review of a card saw the state the previous review of that card left:
        # no lost update although both processes reviewed the same cards.
        by_card = defaultdict(list)
        for entry in sorted(entries, key=lambda e: e.id):
            by_card[entry.card_id].append(entry)
        for card_entries in by_card.values():
            assert card_entries[0].before is None
            for previous, entry in pairwise(card_entries):
                assert entry.before is not None
                assert entry.before.last_review == previous.reviewed_at
            card = store.reviews.card(card_entries[0].card_id)
            assert card is not None and card.schedule.last_review == card_entries[-1].reviewed_at

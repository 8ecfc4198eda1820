"""kill -9 in the middle of a session loses nothing already answered: a real process
answers in a loop, printing each answer once committed, and is killed mid-way."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from quizapp.store import open_url
from tests.store.helpers import sqlite_url, write_sample_bank

WORKER = Path(__file__).with_name("answer_worker.py")


def test_answers_survive_sigkill(tmp_path: Path) -> None:
    bank = write_sample_bank(tmp_path / "bank")
    db = tmp_path / "data" / "progress.db"
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(bank), sqlite_url(db), "kim", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    try:
        while len(lines) < 60:
            line = proc.stdout.readline()
            assert line, proc.stderr.read() if proc.stderr else "worker ended"
            lines.append(line)
        os.kill(proc.pid, signal.SIGKILL)  # while it keeps answering
        proc.wait(timeout=30)
        lines += proc.stdout.readlines()  # anything printed before the kill
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL

    printed = {}
    for line in lines:
        entry_id, card_id, rating = line.split()
        printed[int(entry_id)] = (card_id, int(rating))
    assert len(printed) >= 60

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with open_url(sqlite_url(db), "kim") as store:
        stored = {e.id: (e.card_id, e.rating) for e in store.reviews.entries()}
        for entry_id, answer in printed.items():
            assert stored.get(entry_id) == answer, entry_id
        # at most the one answer being committed at the moment of the kill is unprinted
        assert len(stored) - len(printed) in (0, 1)
        # and every card's state matches its last logged review
        for card_id, card in store.reviews.cards().items():
            last = store.reviews.entries(card_id, limit=1)[0]
            assert card.schedule.last_review == last.reviewed_at

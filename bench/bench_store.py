"""How fast the progress store answers with a big history: 10,000 cards, 1,000,000 reviews.

Builds a bank of 4,000 written items and 3,000 reversible flashcards (10,000 cards), a
store where every card has been studied and the review log holds a year of 1,000,000
reviews, then times:

- the due-queue query (one range scan of the ``(profile_id, due)`` index),
- the whole due queue as a session gets it (that query, the seen cards, today's new
  cards and filtering against the bank),
- ``progress_stats`` in-process (every number of ``quizapp stats``),
- ``quizapp stats --json`` end to end, in a fresh process, as a user runs it (this
  includes loading the 7,000-item bank, timed separately too).

Targets: under 20 ms for the queue, under 1 s for stats.
Run: ``python bench/bench_store.py [--reviews N] [--keep DIR]``. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy import insert

from question_bank import load_bank
from quizapp.store import open_url
from quizapp.store.models import CardRow, ReviewLogRow
from quizapp.study import StudyService, progress_stats

WRITTEN, FLASHCARDS = 4000, 3000  # 4,000 + 2 × 3,000 = 10,000 cards
PROFILE = "bench"
T = TypeVar("T")


def write_bank(root: Path) -> Path:
    (root / "items").mkdir(parents=True)
    (root / "syllabus.yaml").write_text(
        "".join(f'- title: 단원 {n}\n  pages: ["{10 * n + 1}-{10 * n + 10}"]\n' for n in range(20)),
        encoding="utf-8",
    )
    lines = ["items:"]
    for n in range(WRITTEN):
        lines += [
            f"  - id: w-{n}",
            "    type: short_answer",
            f"    pages: [{n % 200 + 1}]",
            f"    prompt: 문제 {n}",
            f"    answers: [답{n}]",
        ]
    for n in range(FLASHCARDS):
        lines += [
            f"  - id: f-{n}",
            "    type: flashcard",
            f"    pages: [{n % 200 + 1}]",
            f"    front: 앞 {n}",
            f"    back: 뒤 {n}",
            "    reverse: true",
        ]
    (root / "items" / "bench.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def card_ids() -> list[tuple[str, str]]:
    cards = [(f"w-{n}", "written") for n in range(WRITTEN)]
    for n in range(FLASHCARDS):
        cards += [(f"f-{n}", "flashcard"), (f"f-{n}:reverse", "flashcard")]
    return cards


def fill_store(url: str, reviews: int, now: datetime) -> None:
    rng = random.Random(5)
    cards = card_ids()
    with open_url(url, PROFILE, clock=lambda: now) as store:
        profile = store.profile_id
        card_rows = []
        for card_id, kind in cards:
            last = now - timedelta(days=rng.uniform(0, 40))
            card_rows.append(
                {
                    "profile_id": profile,
                    "card_id": card_id,
                    "kind": kind,
                    "state": 2,
                    "step": None,
                    "stability": rng.uniform(1, 60),
                    "difficulty": rng.uniform(1, 10),
                    "due": last + timedelta(days=rng.uniform(1, 60)),
                    "last_review": last,
                    "introduced_at": now - timedelta(days=365),
                    "last_correct": rng.random() > 0.1,
                }
            )
        with store.db.engine.begin() as conn:
            conn.execute(insert(CardRow), card_rows)
            start = now - timedelta(days=365)
            step = timedelta(days=365) / reviews
            batch = []
            for n in range(reviews):
                card_id, kind = cards[rng.randrange(len(cards))]
                batch.append(
                    {
                        "profile_id": profile,
                        "card_id": card_id,
                        "kind": kind,
                        "rating": rng.choice((1, 3, 3, 3, 4)),
                        "reviewed_at": start + n * step,
                        "duration_ms": rng.randrange(1000, 20000),
                        "answer": None,
                        "correct": None,
                        "prev_state": 2,
                        "prev_step": None,
                        "prev_stability": 5.0,
                        "prev_difficulty": 5.0,
                        "prev_due": start + n * step,
                        "prev_last_review": start + n * step - timedelta(days=3),
                        "prev_last_correct": True,
                    }
                )
                if len(batch) == 50_000:
                    conn.execute(insert(ReviewLogRow), batch)
                    batch = []
            if batch:
                conn.execute(insert(ReviewLogRow), batch)


def timed(work: Callable[[], T], runs: int) -> tuple[float, T]:
    """Median wall time in seconds over ``runs`` (after one warm-up run), and the result."""
    result = work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def run_cli(data_dir: Path, bank: Path) -> tuple[float, float, str]:
    """The first run (bank parsed, then cached in the data folder) and the median of the next."""
    command = [sys.executable, "-m", "quizapp", "--data-dir", str(data_dir), "--bank", str(bank)]
    command += ["--profile", PROFILE, "stats", "--json"]
    shutil.rmtree(data_dir / "cache", ignore_errors=True)
    times = []
    for _ in range(6):
        started = time.perf_counter()
        proc = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if proc.returncode != 0:
            return -1.0, -1.0, (proc.stderr.strip().splitlines() or ["?"])[-1]
    return times[0], statistics.median(times[1:]), "ok"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="build the store here and keep it")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="quizapp-bench-"))
    try:
        bank_dir = write_bank(root / "bank")
        data_dir = root / "data"
        url = f"sqlite:///{data_dir / 'progress.db'}"
        now = datetime.now(UTC)
        started = time.perf_counter()
        fill_store(url, args.reviews, now)
        print(
            f"built: {len(card_ids()):,} cards, {args.reviews:,} reviews "
            f"in {time.perf_counter() - started:.1f} s"
        )

        started = time.perf_counter()
        bank = load_bank([bank_dir], bundled=False)
        bank_s = time.perf_counter() - started
        with open_url(url, PROFILE) as store:
            service = StudyService(store, bank)
            day_end = service.day.tomorrow_start(now)
            query_s, due = timed(lambda: store.reviews.due_ids(now, day_end), 20)
            queue_s, queue = timed(service.due_queue, 20)
            stats_s, stats = timed(lambda: progress_stats(service), 5)
        print(f"due-queue query:        {query_s * 1000:7.1f} ms  ({len(due):,} cards due)")
        print(
            f"due queue (full):       {queue_s * 1000:7.1f} ms  "
            f"({len(queue.cards):,} cards: due + new)"
        )
        print(
            f"stats (in-process):     {stats_s * 1000:7.1f} ms  "
            f"(reviews_total {stats['reviews_total']:,})"
        )
        print(f"loading the bank:       {bank_s * 1000:7.1f} ms  (part of the command below)")
        first_s, cli_s, status = run_cli(data_dir, bank_dir)
        if cli_s < 0:
            print(f"quizapp stats --json:   failed: {status}")
        else:
            print(
                f"quizapp stats --json:   {cli_s * 1000:7.1f} ms  (fresh process, the "
                f"{WRITTEN + FLASHCARDS:,}-item bank from the data folder's cache)"
            )
            print(
                f"  first run:            {first_s * 1000:7.1f} ms  (bank parsed from YAML, "
                "then cached)"
            )
        print("targets: queue < 20 ms, stats < 1000 ms")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

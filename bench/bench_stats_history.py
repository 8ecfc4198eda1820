"""How fast the statistics screen's data loads with 1,000,000 reviews in the log.

Builds the same store as ``bench_store.py`` (10,000 cards, a year of 1,000,000
reviews, so about 2,700 a day), then times what the stats screen's worker runs:

- ``load_history``: reviews per day (30 study days) and retention per week
  (12 weeks) as SQL aggregates, plus the finished mock exams,
- ``progress_stats``: the headline numbers and mastery per syllabus entry.

Target: well under 1 s for both together. Run: ``python bench/bench_stats_history.py
[--reviews N]``. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench_store import PROFILE, fill_store, timed, write_bank  # same folder

from question_bank import load_bank
from quizapp.store import open_url
from quizapp.study import StudyService, progress_stats
from quizapp.study.history import load_history


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=1_000_000)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="quizapp-bench-history-"))
    try:
        bank_dir = write_bank(root / "bank")
        url = f"sqlite:///{root / 'data' / 'progress.db'}"
        now = datetime.now(UTC)
        started = time.perf_counter()
        fill_store(url, args.reviews, now)
        print(f"built: {args.reviews:,} reviews in {time.perf_counter() - started:.1f} s")
        bank = load_bank([bank_dir], bundled=False)
        with open_url(url, PROFILE) as store:
            service = StudyService(store, bank)
            history_s, history = timed(lambda: load_history(store, service.day, now), 5)
            stats_s, _ = timed(lambda: progress_stats(service), 5)
        in_window = sum(d.total for d in history.days)
        print(
            f"load_history:      {history_s * 1000:7.1f} ms  "
            f"({in_window:,} reviews in the last 30 days)"
        )
        print(f"progress_stats:    {stats_s * 1000:7.1f} ms")
        print(f"stats screen data: {(history_s + stats_s) * 1000:7.1f} ms  (target < 1000 ms)")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

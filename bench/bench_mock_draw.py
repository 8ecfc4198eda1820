"""What the mock exam draws over many seeds: per practical section, how often each task
comes up; how many syllabus entries each written part covers; family repeats; draw speed.

The rules (issue 23): one task of each kind, lstm-text-classifier weighted, no model family
twice, every examined syllabus entry in the written part.
Run: `python bench/bench_mock_draw.py [--seeds N] [--blueprint ID]`. Prints numbers;
asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from question_bank import load_bank
from question_bank.kinds import entry_of, family_of
from quizapp.exam import draw_questions


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=1000)
    parser.add_argument("--blueprint", default="ai-essential-mock")
    args = parser.parse_args()
    bank = load_bank()
    blueprint = bank.exams[args.blueprint]
    by_section: dict[int, Counter[str]] = {}
    covered: list[int] = []
    repeats = family_twice = 0
    entries = {entry.title for entry in bank.syllabus}
    started = time.perf_counter()
    for seed in range(args.seeds):
        drawn = draw_questions(blueprint, bank, seed)
        seen: set[str] = set()
        families = [family_of(bank.tasks[q.item_id]) for q in drawn if q.kind == "task"]
        named = [f for f in families if f is not None]
        family_twice += len(named) != len(set(named))
        for q in drawn:
            if q.kind == "task":
                by_section.setdefault(q.section, Counter())[q.item_id] += 1
            else:
                home = entry_of(bank.items[q.item_id].pages, bank.syllabus)
                if home is not None:
                    seen.add(home.title)
        written = [family_of(bank.items[q.item_id]) for q in drawn if q.kind == "written"]
        repeats += len(written) != len(set(written))
        covered.append(len(seen & entries))
    elapsed = time.perf_counter() - started
    print(f"{args.blueprint}: {args.seeds} seeds, {elapsed / args.seeds * 1000:.2f} ms per draw")
    print(
        f"written part: syllabus entries covered min {min(covered)}, "
        f"mean {sum(covered) / len(covered):.2f}, max {max(covered)} of {len(entries)}; "
        f"draws covering all: {sum(c == len(entries) for c in covered)}"
    )
    print(f"draws with two written items of one family: {repeats}")
    print(f"draws with a model family twice in the practical part: {family_twice}")
    for s, counts in sorted(by_section.items()):
        total = sum(counts.values())
        print(f"section {s} ({blueprint.sections[s].title}):")
        for task_id, n in counts.most_common():
            print(f"  {task_id:<24} {n:>5}  {n / total:6.1%}")


if __name__ == "__main__":
    main()

"""How often the answer matcher agrees with a teacher on student-like typed answers.

The sample (bench/data/typed_answers.jsonl, built by the issue-20 developer, not the
reviewers' held-out set) holds answers to the bundled bank's short-answer, cloze and
numeric items, each labelled with a teacher's judgement (``teacher``: right or not).
Run: `python bench/agreement_typed_answers.py [FILE]`. Prints numbers and every
disagreement; asserts nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from question_bank import load_bank
from question_bank.answers.check import judge

SAMPLE = Path(__file__).parent / "data" / "typed_answers.jsonl"


def main(path: Path) -> None:
    bank = load_bank()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    agree = false_accepts = false_rejects = 0
    for row in rows:
        app = judge(bank.items[row["item"]], row["answer"], bank.glossary).correct
        if app == row["teacher"]:
            agree += 1
            continue
        if app:
            false_accepts += 1
        else:
            false_rejects += 1
        side = "app accepts, teacher rejects" if app else "app rejects, teacher accepts"
        print(f"  {side}: {row['item']}: {row['answer']!r}")
    taught = sum(1 for r in rows if r["teacher"])
    print(f"answers: {len(rows)} ({taught} right, {len(rows) - taught} wrong by the teacher)")
    print(f"agreement: {agree}/{len(rows)} = {100 * agree / len(rows):.1f}%")
    print(f"accepted but the teacher rejects: {false_accepts}")
    print(f"rejected but the teacher accepts: {false_rejects}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE)

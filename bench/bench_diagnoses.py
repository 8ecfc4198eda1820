"""How many failing reports carry a diagnosis, and which detector gave it.

Grades every wrong sample file of the test suite — tests/grader/submissions/*/bad_*.py,
the crashing files (tests/grader/crashing), the "values differ" files
(tests/grader/values_differ) and the training misses (tests/grader/training_mistakes,
tests/grader/training_submissions/*_bad_*.py) — and every correct one (good_*.py), then
prints:

- per set: failing files, how many carry a diagnosis, the share;
- per diagnosis id: how many files it explains (runtime-*: grader.verdict.explain; the training
  ids: grader.verdict.training_diagnose; the rest: a task's catalogue or a source-read detector);
- correct files that got a diagnosis (there should be none) and the files left without one.

Run: ``python bench/bench_diagnoses.py``. Prints numbers; asserts nothing.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from grader import Grader, GradeResult
from question_bank import load_bank

ROOT = Path(__file__).resolve().parents[1] / "tests" / "grader"
TRAINING = {"cancer": "train-cancer-binary", "digits": "train-digits-dnn"}
TRAINING |= {"lstm": "train-sequence-lstm"}


def _task_id(path: Path) -> str:
    if path.parent.name in ("training_mistakes", "training_submissions"):
        prefix = path.name.split("_")[0]
        return TRAINING.get(prefix, "train-digits-dnn")
    return path.parent.name


def main() -> None:
    sets = {
        "sample bad_*": sorted(ROOT.glob("submissions/*/bad_*.py")),
        "crashing": sorted(ROOT.glob("crashing/*/*.py")),
        "values differ": sorted(ROOT.glob("values_differ/*/*.py")),
        "training": sorted(ROOT.glob("training_mistakes/*.py"))
        + sorted(ROOT.glob("training_submissions/*_bad_*.py")),
    }
    good = sorted(ROOT.glob("submissions/*/good_*.py"))
    good += sorted(ROOT.glob("training_submissions/*_good_*.py"))
    bank = load_bank()
    every = [p for paths in sets.values() for p in paths] + good
    with Grader() as grader:
        handles = {p: grader.submit(bank.tasks[_task_id(p)], p.read_text("utf-8")) for p in every}
        results: dict[Path, GradeResult] = {}
        for path, handle in handles.items():
            result = handle.result(timeout=900)
            assert isinstance(result, GradeResult)
            results[path] = result
    by_id: Counter[str] = Counter()
    bare: list[str] = []
    total_failing = total_diagnosed = 0
    print(f"{'set':<16}{'failing':>9}{'diagnosed':>11}{'share':>8}")
    for name, paths in sets.items():
        failing = [p for p in paths if not results[p].passed]
        diagnosed = [p for p in failing if results[p].diagnoses]
        for p in failing:
            for d in {d.id for d in results[p].diagnoses}:
                by_id[d] += 1
            if not results[p].diagnoses:
                bare.append(f"{p.parent.name}/{p.name}")
        total_failing += len(failing)
        total_diagnosed += len(diagnosed)
        share = len(diagnosed) / len(failing) if failing else 0.0
        print(f"{name:<16}{len(failing):>9}{len(diagnosed):>11}{share:>8.0%}")
    share = total_diagnosed / total_failing if total_failing else 0.0
    print(f"{'all':<16}{total_failing:>9}{total_diagnosed:>11}{share:>8.0%}")
    print("\nfiles explained per diagnosis:")
    for key, count in sorted(by_id.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {key:<36}{count:>4}")
    wrongly = [f"{p.parent.name}/{p.name}" for p in good if results[p].diagnoses]
    print(f"\ncorrect files: {len(good)}, with a diagnosis: {len(wrongly)} {wrongly or ''}")
    print(f"failing files without a diagnosis ({len(bare)}): {', '.join(bare)}")


if __name__ == "__main__":
    main()

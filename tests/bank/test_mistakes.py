"""The mistake catalogue of a task folder (mistakes.yaml): loaded with the task, validated as path:line."""

from __future__ import annotations

from question_bank import load_banks

from .test_validation import MakeBank, problems_of, task_files

GOOD = """
- id: returns-two
  message:
    en: "returns 2 instead of 1 (p.1)"
    ko: "1 대신 2를 반환합니다 (p.1)"
  replace:
    - old: return 1
      new: return 2
- id: whole-file
  message: {en: "a file of its own", ko: "따로 쓴 파일"}
  file: mistakes/whole.py
"""


def _bank(make_bank: MakeBank, catalogue: str, extra: dict[str, str] | None = None):
    files = {**task_files("t1"), "tasks/t1/mistakes.yaml": catalogue, **(extra or {})}
    return make_bank(files)


def test_mistakes_load_with_their_programs(make_bank: MakeBank) -> None:
    bank = _bank(make_bank, GOOD, {"tasks/t1/mistakes/whole.py": "def f():\n    return 3\n"})
    data, problems = load_banks([bank], bundled=False)
    assert problems == []
    first, second = data.tasks["t1"].mistakes
    assert (first.id, first.message.ko, first.source) == (
        "returns-two",
        "1 대신 2를 반환합니다 (p.1)",
        "def f():\n    return 2\n",
    )
    assert second.source == "def f():\n    return 3\n"


def test_a_task_without_a_catalogue_has_no_mistakes(make_bank: MakeBank) -> None:
    data, problems = load_banks([make_bank(task_files("t1"))], bundled=False)
    assert problems == [] and data.tasks["t1"].mistakes == ()


def test_every_problem_of_a_catalogue_is_reported_at_its_line(make_bank: MakeBank) -> None:
    catalogue = """
- id: no-korean
  message: {en: "only English"}
  replace: [{old: return 1, new: return 2}]
- id: Bad_Id
  message: {en: a, ko: 가}
  replace: [{old: return 1, new: return 2}]
- id: missing-file
  message: {en: a, ko: 가}
  file: mistakes/nowhere.py
- id: not-in-solution
  message: {en: a, ko: 가}
  replace:
    - old: return 7
      new: return 2
- id: both
  message: {en: a, ko: 가}
- id: missing-file
  message: {en: a, ko: 가}
  replace: [{old: return 1, new: return 3}]
- id: same
  message: {en: a, ko: 가}
  replace: [{old: return 1, new: return 1}]
"""
    assert problems_of(_bank(make_bank, catalogue)) == [
        "tasks/t1/mistakes.yaml:2: mistake 'no-korean': `message` needs `ko` (the Korean words)",
        "tasks/t1/mistakes.yaml:4: id 'Bad_Id' is not valid: use lowercase letters, digits and '-', "
        "starting with a letter or digit",
        "tasks/t1/mistakes.yaml:9: mistake 'missing-file': file not found: mistakes/nowhere.py",
        "tasks/t1/mistakes.yaml:13: mistake 'not-in-solution': 'return 7' is not in solution.py",
        "tasks/t1/mistakes.yaml:15: mistake 'both': give either `replace` (edits of solution.py) or `file`",
        "tasks/t1/mistakes.yaml:17: duplicate mistake id 'missing-file': already at line 7",
        "tasks/t1/mistakes.yaml:20: mistake 'same': the program is the reference solution itself",
    ]


def test_a_catalogue_must_be_a_list_and_stay_out_of_task_yaml(make_bank: MakeBank) -> None:
    assert problems_of(_bank(make_bank, "id: x\n")) == [
        "tasks/t1/mistakes.yaml:1: mistakes.yaml must be a list of mistakes"
    ]
    files = task_files("t2")
    files["tasks/t2/task.yaml"] = files["tasks/t2/task.yaml"].replace(
        "prompt:", "mistakes: []\n        prompt:"
    )
    assert problems_of(make_bank(files)) == [
        "tasks/t2/task.yaml:4: mistakes belong in mistakes.yaml"
    ]

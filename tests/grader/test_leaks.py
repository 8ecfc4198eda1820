"""A submission that finds the hidden tests in its own process gets nothing of them back.

It runs arbitrary code in the process that runs the hidden tests, so it can
walk its calling frames and the garbage collector's objects and print what it
finds, or raise it as an exception. The verdict carries nothing printed (unless
a teacher asks for it) and no sentence that quotes the hidden tests.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from grader import Grader, GradeResult
from question_bank import Bank, Task

SNOOP = """
import gc
import sys


def _snoop():
    found = []
    frame = sys._getframe(1)
    while frame is not None:
        doc = frame.f_globals.get("__doc__")
        if isinstance(doc, str):
            found.append(doc)
        found.extend(c for c in frame.f_code.co_consts if isinstance(c, str))
        frame = frame.f_back
    for obj in gc.get_objects():
        if isinstance(obj, dict):
            found.extend(v for v in list(obj.values()) if isinstance(v, str) and "def probe(" in v)
    return "\\n".join(found)


def predict_classes(logits):
    leaked = _snoop()
    print(leaked)
    print(leaked, file=sys.stderr)
    raise ValueError(leaked)
"""


def _plain(line: str) -> str:
    return " ".join(line.split()).strip("\"'` ")


def _hidden_lines(task: Task) -> list[str]:
    lines = {_plain(line) for line in task.read("hidden_tests.py").splitlines()}
    return sorted(line for line in lines if len(line) >= 12)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.fixture(scope="module")
def task(bank: Bank) -> Task:
    return bank.tasks["tensor-argmax"]


@pytest.fixture(scope="module")
def snooped(grader: Grader, task: Task) -> tuple[GradeResult, GradeResult]:
    """The same snooping submission, graded as usual and with its output shown (a teacher)."""
    plain = grader.submit(task, SNOOP)
    shown = grader.submit(task, SNOOP, show_output=True)
    results = plain.result(timeout=120), shown.result(timeout=120)
    assert all(isinstance(r, GradeResult) for r in results)
    return results  # type: ignore[return-value]


def test_the_snooping_submission_does_find_the_hidden_tests(
    snooped: tuple[GradeResult, GradeResult], task: Task
) -> None:
    """Proof that the attack works: what it printed holds the hidden tests' docstring."""
    _, shown = snooped
    docstring = _plain(task.read("hidden_tests.py").splitlines()[0])
    assert docstring in _plain(shown.output)


def test_no_line_of_the_hidden_tests_is_in_the_graded_verdict(
    snooped: tuple[GradeResult, GradeResult], task: Task
) -> None:
    plain, _ = snooped
    assert not plain.passed and plain.output == ""
    rows = [plain.json_row(lang, file="snoop.py") for lang in ("en", "ko")]
    texts = [_plain(s) for s in _strings(rows) + _strings(json.loads(plain.model_dump_json()))]
    leaks = [line for line in _hidden_lines(task) for text in texts if line in text]
    assert leaks == []
    failed = [c.message_in("en") for c in plain.checks if not c.passed]
    assert any("it quotes the hidden tests" in m for m in failed), failed
    assert all(len(m) <= 600 for m in failed)


# -- the screen normalises before it compares ------------------------------------------

ZERO_WIDTH = """
import sys


def predict_classes(logits):
    found = []
    frame = sys._getframe(1)
    while frame is not None:
        doc = frame.f_globals.get("__doc__")
        if isinstance(doc, str):
            found.append(doc)
        frame = frame.f_back
    text = "\\n".join(found)
    raise ValueError("\\u200b".join(text[i : i + 3] for i in range(0, len(text), 3)))
"""


def _disguised(line: str, how: str) -> str:
    if how == "zero-width":
        return "\u200b".join(line[i : i + 2] for i in range(0, len(line), 2))
    if how == "full-width":
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in line)
    if how == "spaced":
        return " \n ".join(line)
    if how == "joiners":
        return "\u2060".join(line) + "\ufeff"
    raise AssertionError(how)


@pytest.mark.parametrize("how", ["zero-width", "full-width", "spaced", "joiners"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_screen_sees_through_disguised_lines(task: Task, how: str, lang: str) -> None:
    from grader.verdict.judge import Screen
    from grader.verdict.messages import msg

    screen = Screen(task.read("hidden_tests.py"))
    for line in _hidden_lines(task):
        said = {"en": "boom", "ko": "boom", lang: f"ValueError: {_disguised(line, how)}"}
        shown = screen(said, msg("check_failed"))
        assert "it quotes the hidden tests" in shown["en"], (how, line)


def test_the_screen_hides_reference_lines_but_not_the_students_own(task: Task) -> None:
    from grader.verdict.judge import Screen
    from grader.verdict.messages import msg

    reference = task.read("solution.py")
    line = max(reference.splitlines(), key=len).strip()
    leaked = {"en": f"ValueError: {_disguised(line, 'zero-width')}"}
    shown = Screen("", reference)(leaked, msg("check_failed"))
    assert "it quotes the reference solution" in shown["en"]
    assert "모범 답안을 인용" in shown["ko"]
    # the same line in the submission's own file is the student's to see (a traceback)
    own = Screen("", reference, own_source=f"x = 1\n    {line}\n")(leaked, msg("check_failed"))
    assert own == leaked


def test_zero_width_spaces_get_no_hidden_line_into_the_verdict(grader: Grader, task: Task) -> None:
    """The review's attack: the hidden tests' strings with a zero-width space every 3 characters."""
    result = grader.grade(task, ZERO_WIDTH, timeout=120)
    assert not result.passed
    rows = [result.json_row(lang, file="zw.py") for lang in ("en", "ko")]
    texts = [_plain(s.replace("\u200b", "")) for s in _strings(rows)]
    leaks = [line for line in _hidden_lines(task) for text in texts if line in text]
    assert leaks == []
    failed = [c.message_in("en") for c in result.checks if not c.passed]
    assert any("it quotes the hidden tests" in m for m in failed), failed

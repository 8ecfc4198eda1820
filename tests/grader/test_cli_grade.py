"""`quizapp grade TASK_ID FILE [FILE ...] [--json] [--jobs N]` as tasks.md specifies it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from quizapp.cli import EXIT_FAIL, EXIT_OK, EXIT_USAGE, UsageError
from quizapp.commands.grade import run_grade
from quizapp.settings import resolve

from ..helpers import quizapp

SUBMISSIONS = Path(__file__).parent / "submissions" / "cnn-output-size"
GOOD = SUBMISSIONS / "good_divmod.py"
BAD = SUBMISSIONS / "bad_no_plus_one.py"
JSON_KEYS = {"task", "file", "passed", "score", "max_score", "checks", "error", "duration_s"}


def _args(
    task_id: str, *files: Path | str, as_json: bool = False, jobs: int | None = None
) -> argparse.Namespace:
    return argparse.Namespace(
        task_id=task_id, files=[str(f) for f in files], json=as_json, jobs=jobs
    )


def test_json_lines_one_object_per_file_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    code = run_grade(_args("cnn-output-size", GOOD, BAD, as_json=True), resolve())
    lines = capsys.readouterr().out.splitlines()
    assert code == EXIT_FAIL
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert set(first) >= JSON_KEYS
    assert (first["file"], first["passed"], first["score"], first["error"]) == (
        str(GOOD),
        True,
        10.0,
        None,
    )
    assert second["file"] == str(BAD) and second["passed"] is False
    assert second["score"] < second["max_score"] == 10
    assert all({"name", "passed", "message"} <= set(check) for check in second["checks"])
    assert any(
        "expected conv_output_size(28, 3) 26, got 25" in c["message"] for c in second["checks"]
    )


def test_exit_status_0_when_every_file_passed(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_grade(_args("cnn-output-size", GOOD, GOOD, jobs=1), resolve()) == EXIT_OK


def test_the_readable_report_has_a_header_and_a_line_per_check(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run_grade(_args("cnn-output-size", BAD), resolve())
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{BAD}  FAILED  0/10  (")
    assert lines[1] == "  ✓ defines conv_output_size()"
    assert (
        "  ✗ return values, default stride=1 and padding=0: expected conv_output_size(28, 3) 26, got 25"
        in lines
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            _args("no-such-task", GOOD),
            "unknown task 'no-such-task' (known: cnn-fashion, cnn-output-size,",
        ),
        (_args("cnn-output-size", "missing.py"), "file not found: missing.py"),
        (_args("cnn-output-size", SUBMISSIONS), f"not a file: {SUBMISSIONS}"),
        (_args("cnn-output-size", GOOD, jobs=0), "--jobs must be at least 1"),
    ],
)
def test_usage_errors_are_one_line(args: argparse.Namespace, message: str) -> None:
    with pytest.raises(UsageError) as raised:
        run_grade(args, resolve())
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


def test_a_file_that_is_not_utf8_is_a_usage_error(tmp_path: Path) -> None:
    binary = tmp_path / "latin1.py"
    binary.write_bytes(b"x = '\xe9'\n")
    with pytest.raises(UsageError, match="not UTF-8 text"):
        run_grade(_args("cnn-output-size", binary), resolve())


def test_hostile_files_fail_and_the_good_file_after_them_passes(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.py"
    bomb.write_text("import os\nwhile True:\n    os.fork()\n", encoding="utf-8")
    quitter = tmp_path / "quitter.py"
    quitter.write_text("import os\nos._exit(0)\n", encoding="utf-8")
    run = quizapp("grade", "cnn-output-size", bomb, quitter, GOOD, "--json")
    assert run.code == EXIT_FAIL, run.err
    verdicts = [json.loads(line) for line in run.out.splitlines()]
    assert [v["passed"] for v in verdicts] == [False, False, True]
    assert verdicts[1]["error"] == "the program exited before the tests ran (exit status 0)"


def test_the_command_line_exit_codes_and_one_line_usage_errors() -> None:
    assert quizapp("grade", "cnn-output-size", GOOD).code == EXIT_OK
    unknown = quizapp("grade", "nope", GOOD)
    assert unknown.code == EXIT_USAGE
    assert unknown.err.count("\n") == 1 and "unknown task 'nope'" in unknown.err
    assert "Traceback" not in unknown.err
    missing = quizapp("grade", "cnn-output-size", "missing.py")
    assert (missing.code, missing.err) == (
        EXIT_USAGE,
        "quizapp: error: file not found: missing.py\n",
    )

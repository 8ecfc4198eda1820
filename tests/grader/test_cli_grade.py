"""`quizapp grade TASK_ID FILE [FILE ...] [--json] [--jobs N] [--show-output]` as tasks.md
specifies it, in the language of `--lang`."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from question_bank import bundled_bank_dir
from quizapp.commands.grade import run_grade
from quizapp.commands.status import EXIT_FAIL, EXIT_OK, EXIT_USAGE, UsageError
from quizapp.settings import resolve

from ..helpers import quizapp

SUBMISSIONS = Path(__file__).parent / "submissions" / "cnn-output-size"
GOOD = SUBMISSIONS / "good_divmod.py"
BAD = SUBMISSIONS / "bad_no_plus_one.py"
JSON_KEYS = {"task", "file", "passed", "score", "max_score", "checks", "error", "duration_s"}
PRINTER = "print('SECRET PRINTED LINE')\n\ndef conv_output_size(size, kernel_size, stride=1, padding=0):\n    return (size + 2 * padding - kernel_size) // stride + 1\n"


def _args(
    task_id: str,
    *files: Path | str,
    as_json: bool = False,
    jobs: int | None = None,
    show_output: bool = False,
) -> argparse.Namespace:
    return argparse.Namespace(
        task_id=task_id,
        files=[str(f) for f in files],
        json=as_json,
        jobs=jobs,
        show_output=show_output,
    )


def test_json_lines_one_object_per_file_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    code = run_grade(_args("cnn-output-size", GOOD, BAD, as_json=True), resolve(lang="en"))
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
    assert (first["error_kind"], second["error_kind"]) == (None, None)
    assert "stdout" not in first and "output" not in first


def test_json_rows_keep_english_names_and_add_the_words_in_the_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run_grade(_args("cnn-output-size", BAD, as_json=True), resolve(lang="ko"))
    row = json.loads(capsys.readouterr().out)
    defines = row["checks"][0]
    assert defines["name"] == "defines conv_output_size()"  # stable, for scripts
    assert defines["title"] == "conv_output_size() 정의"
    failed = next(c for c in row["checks"] if not c["passed"])
    assert failed["message"].startswith("expected ")
    assert "기대값" in failed["text"] and "실제" in failed["text"]


def test_exit_status_0_when_every_file_passed(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_grade(_args("cnn-output-size", GOOD, GOOD, jobs=1), resolve()) == EXIT_OK


def test_the_readable_report_has_a_header_and_a_line_per_check(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run_grade(_args("cnn-output-size", BAD), resolve(lang="en"))
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{BAD}  FAILED  0/10  (")
    assert lines[1:3] == [  # the catalogued mistake it makes, above the checks
        "  Where to look:",
        "    → the + 1 is missing: the output size is floor((size + 2p - k) / s) + 1 (p.105–106)",
    ]
    assert lines[3] == "  ✓ defines conv_output_size()"
    assert any(
        line.startswith("  ✗ ") and "expected conv_output_size(28, 3) 26, got 25" in line
        for line in lines
    )


def test_the_readable_report_follows_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    run_grade(_args("cnn-output-size", BAD), resolve(lang="ko"))
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{BAD}  실패  0/10  (")
    assert lines[1:3] == [
        "  살펴볼 점:",
        "    → + 1이 빠졌습니다: 출력 크기는 floor((size + 2p - k) / s) + 1입니다 (p.105–106)",
    ]
    assert lines[3] == "  ✓ conv_output_size() 정의"
    failed = [line for line in lines if line.startswith("  ✗ ")]
    assert failed and all("기대값" in line and "expected" not in line for line in failed)


def test_a_reason_that_fails_every_check_is_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that does not compile fails every check for one reason: the report says it
    on the first check and counts the rest, as a compiler says an error once."""
    broken = tmp_path / "broken.py"
    broken.write_text("def conv_output_size(size:\n", encoding="utf-8")
    for lang, rest in [("en", "more checks failed for the same reason"), ("ko", "같은 이유로")]:
        run_grade(_args("cnn-output-size", broken), resolve(lang=lang))
        lines = capsys.readouterr().out.splitlines()
        failed = [line for line in lines if line.startswith("  ✗ ")]
        assert len(failed) == 2, lines
        assert rest in failed[1]
        count = int("".join(ch for ch in failed[1] if ch.isdigit()))
        assert count >= 2


def test_what_a_file_printed_is_shown_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    printer = tmp_path / "printer.py"
    printer.write_text(PRINTER, encoding="utf-8")
    run_grade(_args("cnn-output-size", printer, as_json=True), resolve(lang="en"))
    plain = capsys.readouterr().out
    assert json.loads(plain)["passed"] is True
    assert "SECRET PRINTED LINE" not in plain
    run_grade(_args("cnn-output-size", printer, show_output=True), resolve(lang="en"))
    shown = capsys.readouterr().out.splitlines()
    assert "    SECRET PRINTED LINE" in shown


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            _args("no-such-task", GOOD),
            "unknown task 'no-such-task' (known: batch-collate-pad, batch-split, cnn-fashion,",
        ),
        (_args("cnn-output-size", "missing.py"), "file not found: missing.py"),
        (
            _args("cnn-output-size", bundled_bank_dir() / "exams"),
            f"{bundled_bank_dir() / 'exams'}: no .py files in this folder",
        ),
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
    assert verdicts[1]["error_kind"] == "submission"


def test_a_grader_failure_is_internal_in_the_json_rows(tmp_path: Path) -> None:
    broken = tmp_path / "bank" / "tasks" / "broken-argmax"
    shutil.copytree(bundled_bank_dir() / "tasks" / "tensor-argmax", broken)
    spec = (broken / "task.yaml").read_text(encoding="utf-8")
    (broken / "task.yaml").write_text(spec.replace("id: tensor-argmax", "id: broken-argmax"))
    (broken / "solution.py").write_text("def predict_classes(logits):\n    raise ValueError\n")
    good = tmp_path / "good.py"
    good.write_text("def predict_classes(logits):\n    return logits.argmax(dim=1)\n")
    run = quizapp(
        "--lang", "ko", "--bank", tmp_path / "bank", "grade", "broken-argmax", good, "--json"
    )
    row = json.loads(run.out)
    assert run.err == ""  # the grader logs, but prints nothing of its own
    assert (row["passed"], row["error_kind"]) == (False, "internal")
    assert row["error"].startswith("this task cannot be graded: the reference solution fails")
    assert row["error_text"].startswith("이 문제는 채점할 수 없습니다")


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

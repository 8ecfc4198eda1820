"""`quizapp bank check` and `quizapp bank stats` as a user runs them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.helpers import quizapp

MakeBank = Callable[..., Path]

GOOD_ITEMS = {
    "items/extra.yaml": """
        topic: 손실함수
        pages: [50]
        items:
          - id: my-loss-1
            type: true_false
            prompt: MSELoss는 회귀에 쓴다.
            answer: true
          - id: my-loss-card
            type: flashcard
            front: BCELoss의 입력은?
            back: 시그모이드를 거친 확률
    """
}


def test_check_of_the_bundled_bank_succeeds_with_a_summary() -> None:
    run = quizapp("bank", "check")
    assert run.code == 0, run.out + run.err
    lines = run.out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("ok: 1 bank folder, ")
    assert "23 syllabus entries" in lines[0]


def test_check_prints_every_problem_and_exits_1(make_bank: MakeBank) -> None:
    bank = make_bank(
        {
            "items/a.yaml": "pages: [50]\nitems:\n  - id: q1\n    type: cloze\n    text: 빈칸 없음\n",
            "items/b.yaml": b"items: \xff\n",
        }
    )
    run = quizapp("bank", "check", bank)
    assert run.code == 1
    assert run.out.splitlines() == [
        f"{bank / 'items/a.yaml'}:5: cloze text has no deletions; mark each blank as {{{{c1::answer}}}}",
        f"{bank / 'items/b.yaml'}:1: not UTF-8 text (byte 0xff); save the file as UTF-8",
    ]
    assert run.err == "2 problems in 2 files\n"
    assert "Traceback" not in run.out + run.err


def test_check_takes_folders_from_bank_option_and_arguments(make_bank: MakeBank) -> None:
    one = make_bank(GOOD_ITEMS)
    two = make_bank(
        {"items/x.yaml": "items:\n  - id: my-x\n    type: flashcard\n    front: a\n    back: b\n"}
    )
    run = quizapp("--bank", one, "bank", "check", two)
    assert run.code == 0, run.out + run.err
    assert run.out.startswith("ok: 3 bank folders, ")


def test_missing_folder_is_a_usage_error_in_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    for args in (("bank", "check", missing), ("--bank", missing, "bank", "stats")):
        run = quizapp(*args)
        assert run.code == 2
        assert run.out == ""
        assert run.err == f"quizapp: error: bank folder not found: {missing}\n"


def test_a_file_given_as_bank_folder(tmp_path: Path) -> None:
    file = tmp_path / "bank.yaml"
    file.write_text("items: []\n", encoding="utf-8")
    run = quizapp("bank", "check", file)
    assert (run.code, run.err) == (2, f"quizapp: error: not a folder: {file}\n")


def test_stats_json_counts_per_syllabus_entry(make_bank: MakeBank) -> None:
    run = quizapp("--bank", make_bank(GOOD_ITEMS), "bank", "stats", "--json")
    assert run.code == 0, run.err
    stats = json.loads(run.out)
    for key in ("written", "flashcards", "tasks", "exams"):
        assert isinstance(stats[key], int)
    assert len(stats["syllabus"]) == 23
    for entry in stats["syllabus"]:
        assert set(entry) >= {"title", "pages", "written", "flashcards", "tasks"}
    loss = next(e for e in stats["syllabus"] if e["title"] == "손실함수")
    assert loss["pages"] == [50]
    baseline = json.loads(quizapp("bank", "stats", "--json").out)
    loss_before = next(e for e in baseline["syllabus"] if e["title"] == "손실함수")
    assert loss["written"] == loss_before["written"] + 1
    assert loss["flashcards"] == loss_before["flashcards"] + 1
    assert stats["written"] == baseline["written"] + 1


def test_items_whose_pages_are_outside_the_syllabus_are_counted_as_other_pages(
    make_bank: MakeBank,
) -> None:
    bank = make_bank(
        {
            "items/far.yaml": """
                pages: [900]
                items:
                  - id: far-question
                    type: true_false
                    prompt: 부록의 문제
                    answer: true
                  - id: far-card
                    type: flashcard
                    front: 부록의 카드
                    back: 뒷면
            """
        }
    )
    baseline = json.loads(quizapp("bank", "stats", "--json").out)
    run = quizapp("--bank", bank, "bank", "stats", "--json")
    assert run.code == 0, run.err
    stats = json.loads(run.out)
    before, after = baseline["other_pages"], stats["other_pages"]
    assert after == {
        **before,
        "written": before["written"] + 1,
        "flashcards": before["flashcards"] + 1,
    }
    assert [e["written"] for e in stats["syllabus"]] == [e["written"] for e in baseline["syllabus"]]

    table = quizapp("--bank", bank, "bank", "stats").out.splitlines()
    other = [line for line in table if line.startswith("other pages ")]
    assert len(other) == 1
    assert other[0].split()[-3:] == [
        str(after["written"]),
        str(after["flashcards"]),
        str(after["tasks"]),
    ]


def test_stats_table_is_readable() -> None:
    run = quizapp("bank", "stats")
    assert run.code == 0
    assert run.out.splitlines()[0].startswith("written items ")
    assert any(line.startswith("파이토치 텐서") for line in run.out.splitlines())


def test_stats_refuses_a_broken_bank(make_bank: MakeBank) -> None:
    bank = make_bank({"items/a.yaml": "items:\n  - id: q\n    type: numeric\n    prompt: x\n"})
    run = quizapp("--bank", bank, "bank", "stats", "--json")
    assert run.code == 1
    assert run.out == ""
    assert f"{bank / 'items/a.yaml'}:2: numeric item 'q': missing field 'answer'" in run.err


def test_help_lists_every_command_and_option() -> None:
    helped = quizapp("--help")
    assert helped.code == 0
    for command in ("review", "quiz", "practice", "exam", "bank", "stats", "profile", "grade"):
        assert f"\n    {command} " in helped.out
    for option in ("--bank DIR", "--data-dir DIR", "--db URL", "--lang {ko,en}", "--profile NAME"):
        assert option in helped.out


def test_the_app_without_a_terminal_says_so_in_one_line() -> None:
    run = quizapp()  # no tty: stdin/stdout are pipes
    assert run.code == 2
    assert (
        run.err == "quizapp: error: the app needs a terminal; see `quizapp --help` for commands\n"
    )


def test_app_options_are_checked_before_the_first_frame() -> None:
    cases = {
        ("quiz", "--pages", "26-17"): "quizapp: error: --pages: page range '26-17' is reversed",
        ("quiz", "--type", "essay"): "quizapp: error: --type: unknown type 'essay'",
        ("quiz", "--count", "0"): "quizapp: error: --count must be at least 1",
        ("practice", "cnn-fasion"): "quizapp: error: unknown task 'cnn-fasion' (known: ",
    }
    for args, message in cases.items():
        run = quizapp(*args)
        assert run.code == 2, args
        assert run.err.startswith(message), run.err
        assert len(run.err.splitlines()) == 1


def test_usage_errors_are_one_line() -> None:
    for args in (("frobnicate",), ("bank", "chek"), ("--lang", "fr", "bank", "check")):
        run = quizapp(*args)
        assert run.code == 2, args
        assert run.out == ""
        assert len(run.err.splitlines()) == 1, run.err
        assert run.err.startswith(("quizapp: error: ", "quizapp bank: error: "))


def test_group_without_action_shows_its_help() -> None:
    run = quizapp("bank")
    assert run.code == 2
    assert "check" in run.err and "stats" in run.err


def test_broken_config_file_is_one_line(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    (isolated_home / "config.toml").write_text("banks = [\n", encoding="utf-8")
    run = quizapp("bank", "check")
    assert run.code == 2
    assert len(run.err.splitlines()) == 1
    assert run.err.startswith(f"quizapp: error: {isolated_home / 'config.toml'}: ")


def test_config_file_adds_banks(isolated_home: Path, make_bank: MakeBank) -> None:
    bank = make_bank(GOOD_ITEMS)
    isolated_home.mkdir(parents=True)
    (isolated_home / "config.toml").write_text(f'banks = ["{bank}"]\n', encoding="utf-8")
    run = quizapp("bank", "check")
    assert run.code == 0, run.err
    assert run.out.startswith("ok: 2 bank folders")

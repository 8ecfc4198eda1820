"""The command line under ``--lang ko``: every command's help and argparse's own phrases in
Korean, usage errors in one Korean line; English stays English."""

from __future__ import annotations

import argparse
import functools
import re
from pathlib import Path

import pytest

from question_bank import Cloze, load_bank
from quizapp.cli import build_parser, main

# Latin words a Korean help page may show: program, library and file-format names, and the
# item types and examples the options take (typed as they are).
ALLOWED = {
    *("quizapp", "ai", "essential", "sqlalchemy", "url", "sqlite", "json", "anki", "apkg"),
    *("txt", "moss", "winnowing", "torch", "python", "py", "id", "cnn", "fashion", "preview"),
    *("written", "single_choice", "flashcard", "exam", "help", "ko", "en", "kb", "csv"),
    *("quizapp_home", "out", "items", "yaml", "diff", "rmsle"),
}


def every_command() -> list[list[str]]:
    found: list[list[str]] = [[]]

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.append([*path, name])
                    walk(sub, [*path, name])

    walk(build_parser(), [])
    return found


def english_words(text: str) -> set[str]:
    # options, metavars, placeholders, code, and file names (ANSWERS.jsonl, NAME.changes.diff)
    text = re.sub(r"\b\w+(?:\.\w+)+\b", " ", text)
    text = re.sub(r"--?[\w-]+|\b[A-Z][A-Z_]+\b|<[^>]+>|\{[^}]*\}|`[^`]*`", " ", text)
    names = {c for path in every_command() for c in path}
    return {
        w
        for w in re.findall(r"[A-Za-z][A-Za-z_]+", text)
        if w.lower() not in ALLOWED and w not in names
    }


@pytest.mark.parametrize("command", every_command(), ids=lambda c: " ".join(c) or "quizapp")
def test_every_help_page_is_korean(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "ko", *command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("사용법: ") and ("옵션:" in out)
    assert not english_words(out), f"English in `{' '.join(command)} --help`: {english_words(out)}"


def test_usage_errors_are_one_korean_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "ko", "profile", "--new-per-day", "many"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err == (
        "quizapp profile: 오류: 인수 --new-per-day: 잘못된 int 값: 'many' "
        "(quizapp profile --help 참고)\n"
    )


def test_english_stays_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "quiz", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: ") and "how many questions (default 10)" in out


# Beyond the help pages: what each command prints under --lang ko. Latin text allowed there:
# identifiers (ids with hyphens, quoted values, paths, item types), PyTorch and library names,
# and bank content the author wrote in English (syllabus titles such as "optimizer").
OUTPUT_ALLOWED = {
    *ALLOWED,
    *("cloze", "multiple_choice", "numeric", "short_answer", "true_false", "task"),
    *("root", "jsonl", "file", "answers", "item_id", "answer", "cpu", "rmsle"),
    "mathjax",  # the formula syntax an Anki note may hold
}


@functools.cache
def bank_words() -> frozenset[str]:
    """Latin words of the bank's own content a command shows as written: syllabus titles,
    topics, and cloze texts (whose blanks `bank try` echoes)."""
    bank = load_bank()
    texts = [entry.title for entry in bank.syllabus]
    texts += [str(getattr(item, "topic", None) or "") for item in bank.items.values()]
    texts += [item.text for item in bank.items.values() if isinstance(item, Cloze)]
    return frozenset(w.lower() for t in texts for w in re.findall(r"[A-Za-z][A-Za-z_]+", t))


def output_english(text: str) -> set[str]:
    allowed = OUTPUT_ALLOWED | bank_words() | {c for path in every_command() for c in path}
    text = re.sub(r"[\w.]+=[\w.]+", " ", text)  # contract classes and effects: key=value
    text = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\S*/\S*|\S+\.\w+\b", " ", text)
    text = re.sub(
        r"--?[\w-]+|\b\w+(?:-\w+)+\b|(?<![A-Za-z])[A-Z][A-Z_0-9]+(?![A-Za-z])|#\d+", " ", text
    )
    return {w for w in re.findall(r"[A-Za-z][A-Za-z_]+", text) if w.lower() not in allowed}


@pytest.fixture
def korean_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZAPP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("USER", "민지")
    return tmp_path


def run_ko(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = main(["--lang", "ko", *args])
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    captured = capsys.readouterr()
    return code, captured.out + captured.err


OUTPUTS = [
    (["stats"], 0),
    (["bank", "stats"], 0),
    (["bank", "check"], 0),
    (["bank", "check", "no-such-folder"], 2),
    (["bank", "try", "lstm-cell-update-cloze", "망각/입력", "망각/입력/tanh"], 0),
    (["bank", "try", "lstm-cell-update-cloz", "x"], 0),
    (["bank", "try", "fc-tensor-what", "x"], 0),
    (["bank", "try", "cnn-fashion", "x"], 0),
    (["bank", "try", "tensor-argmax-name"], 2),
    (["bank", "verify", "train-digits-cnn"], 2),
    (["bank", "verify", "tensor-argmax"], 0),
    (["leaderboard"], 0),
    (["leaderboard", "nope"], 2),
    (["exam", "preview"], 2),
    (["exam", "preview", "nope"], 2),
    (["exam", "written-drill", "extra"], 2),
    (["exam", "written-drill", "--seed", "1"], 2),
    (["plan"], 1),
    (["grade"], 2),
    (["grade", "nope", "x.py"], 2),
    (["grade", "tensor-argmax", "missing.py"], 2),
    (["grade", "--exam", "ai-essential-mock", "missing-folder"], 2),
    (["class", "similar", "tensor-argmax", "missing-folder"], 2),
    (["grade", "--exam", "nope", "folder"], 2),
    (["grade", "--exam", "ai-essential-mock", "a", "b"], 2),
    (["quiz", "--type", "bogus"], 2),
    (["quiz", "--count", "0"], 2),
    (["practice", "nope"], 2),
    (["class", "report"], 0),
    (["class", "similar", "nope", "folder", "--threshold", "0"], 2),
    (["export", "anki", "deck.zip"], 2),
    (["export", "anki", "no-folder/deck.apkg"], 2),
    (["export", "anki", "deck.apkg", "--topic", "없는 주제"], 1),
    (["import", "anki", "notes.txt", "--out", "items.yml.txt"], 2),
    (["import", "anki", "no-notes.txt", "--out", "items.yaml"], 2),
    # the progress store's errors, as each command prints them
    (["--db", "not-a-url", "stats"], 1),
    (["--db", "sqlite:///{tmp}/notes.txt", "stats"], 1),
    (["--db", "sqlite:///{tmp}", "leaderboard"], 1),
    (["--db", "sqlite:///{tmp}/notes.txt", "plan"], 1),
    (["--db", "sqlite:///{tmp}/notes.txt", "profile"], 1),
    (["--db", "sqlite:///{tmp}/notes.txt", "class", "report"], 2),
    (["--profile", " ", "stats"], 1),
    (["profile", "--new-per-day", "100000"], 1),
    (["--db", "sqlite:///{tmp}/progress.db", "doctor", "--restore"], 1),
    # a bank with problems: each problem line, as `bank check` prints it
    (["bank", "check", "{tmp}/broken-bank"], 1),
    (["bank", "check", "{tmp}/broken-yaml"], 1),
    (["bank", "check", "{tmp}"], 1),
    # page syntax errors in --pages
    *((["quiz", "--pages", pages], 2) for pages in ("5-2", "x", ",", "0", "0-3")),
    # the Anki import's warning for each note it skips or cannot import whole
    (["import", "anki", "{tmp}/anki-notes.txt", "--out", "{tmp}/imported/items/notes.yaml"], 0),
]

# A bank folder with one problem of each common kind (see tests/bank/test_validation.py).
BROKEN_ITEMS = """\
items:
  - id: one
    type: single_choic
    prompt: 손실 함수는?
  - id: two
    type: true_false
    prompt: 참일까?
    answer: maybe
    pages: [0]
    colour: red
  - id: three
    type: true_false
    answer: true
    pages: ["9-3"]
  - type: numeric
    id: Bad_Id
    prompt: 몇 개?
    answer: many
  - id: one
    type: true_false
    prompt: 중복
    answer: false
  - 42
"""
# An Anki text export whose notes each bring a warning: no separator header, an unknown
# header, a short row, empty fields, a note type that is not imported, a nested cloze, a
# note given twice, pictures, sounds, formulas and several cloze numbers.
ANKI_NOTES = "\n".join(
    [
        "#html:true",
        "#colour:blue",
        "#guid column:1",
        "#notetype column:2",
        'g1\tBasic\t그림 문제 <img src="cat.png">\t답 [sound:a.mp3]',
        "g2\tBasic\t수식 \\(x^2\\)\t답",
        "g3\tCloze\t{{c1::가}} 그리고 {{c2::나}}\t",
        "g4\tBasic\t\t뒤",
        "g5\tCloze\t\t",
        "g6\tVocab\t단어\t뜻",
        "g7\tCloze\t{{c1::바깥 {{c2::안쪽}}}}\t",
        'g1\tBasic\t그림 문제 <img src="cat.png">\t답 [sound:a.mp3]',
        "g8",
        "",
    ]
)


@pytest.mark.parametrize(("args", "code"), OUTPUTS, ids=[" ".join(a) for a, _ in OUTPUTS])
def test_every_command_speaks_korean(
    args: list[str], code: int, korean_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (korean_home / "notes.txt").write_text("not a database\n", encoding="utf-8")
    (korean_home / "broken-bank" / "items").mkdir(parents=True)
    (korean_home / "broken-bank" / "items" / "a.yaml").write_text(BROKEN_ITEMS, encoding="utf-8")
    (korean_home / "broken-yaml" / "items").mkdir(parents=True)
    (korean_home / "broken-yaml" / "items" / "a.yaml").write_text(
        "items:\n  - id: x\n    prompt: a: b\n", encoding="utf-8"
    )
    (korean_home / "broken-yaml" / "items" / "b.yaml").write_text("# nothing\n", encoding="utf-8")
    (korean_home / "anki-notes.txt").write_text(ANKI_NOTES, encoding="utf-8")
    got, out = run_ko([a.format(tmp=korean_home) for a in args], capsys)
    assert got == code, out
    assert out.strip() and re.search(r"[가-힣]", out), out
    assert not output_english(out), f"English in `{' '.join(args)}`: {output_english(out)}\n{out}"


def test_settings_errors_are_korean(
    korean_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = korean_home / "home"
    home.mkdir()
    (home / "config.toml").write_text('colour = "blue"\n', encoding="utf-8")
    code, out = run_ko(["stats"], capsys)
    assert code == 2
    assert out == (
        f"quizapp: 오류: {home / 'config.toml'}: 없는 설정 'colour' "
        "(있는 설정: banks, db, lang, profile, sandbox)\n"
    )
    (home / "config.toml").unlink()
    monkeypatch.setenv("QUIZAPP_SANDBOX", "docker")
    code, out = run_ko(["stats"], capsys)
    assert code == 2
    assert out == (
        "quizapp: 오류: QUIZAPP_SANDBOX: 없는 샌드박스 'docker'; "
        "다음 중 하나를 쓰세요: auto, linux, portable\n"
    )

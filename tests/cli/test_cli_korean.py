"""The command line under ``--lang ko``: every command's help and argparse's own phrases in
Korean, usage errors in one Korean line; English stays English."""

from __future__ import annotations

import argparse
import re

import pytest

from quizapp.cli import build_parser, main

# Latin words a Korean help page may show: program, library and file-format names, and the
# item types and examples the options take (typed as they are).
ALLOWED = {
    *("quizapp", "ai", "essential", "sqlalchemy", "url", "sqlite", "json", "anki", "apkg"),
    *("txt", "moss", "winnowing", "torch", "python", "py", "id", "cnn", "fashion", "preview"),
    *("written", "single_choice", "flashcard", "exam", "help", "ko", "en", "kb", "csv"),
    *("quizapp_home", "out", "items", "yaml"),
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

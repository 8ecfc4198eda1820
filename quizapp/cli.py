"""The ``quizapp`` command line.

Global options come before the subcommand (``quizapp --bank DIR bank stats``).
Every subcommand module is imported only when it runs, so that ``--help`` and
``bank`` stay fast and never import torch or Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from . import __version__
from .settings import LANGS, Settings, SettingsError, resolve

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called: one line, exit 2.

    Made with :meth:`say` it carries an i18n key and is printed in the interface language;
    ``str()`` is its English text.
    """

    def __init__(self, message: str, key: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.key, self.values = key, values

    @classmethod
    def say(cls, key: str, **values: object) -> UsageError:
        from .i18n import translate

        return cls(translate(key, "en", **values), key, **values)

    def text(self, lang: str) -> str:
        if self.key is None:
            return str(self)
        from question_bank.said import in_lang

        from .i18n import translate

        # a value the bank worded in both languages (a page syntax error) in ``lang``
        values = {name: in_lang(value, lang) for name, value in self.values.items()}
        return translate(self.key, lang, **values)


class _Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors (no usage dump, no traceback)."""

    lang = "en"  # set for every parser by main() before parsing (see cli_i18n)

    def error(self, message: str) -> NoReturn:
        if _Parser.lang == "ko":
            sys.stderr.write(f"{self.prog}: 오류: {message} ({self.prog} --help 참고)\n")
        else:
            sys.stderr.write(f"{self.prog}: error: {message} (see {self.prog} --help)\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="quizapp",
        description="Offline study companion for the AI Essential exam: "
        "questions, flashcards, spaced repetition, PyTorch practice and mock exams.",
        epilog="Run `quizapp COMMAND --help` for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"quizapp {__version__}")
    parser.add_argument(
        "--bank",
        action="append",
        metavar="DIR",
        default=[],
        help="add a bank folder to the bundled bank (repeatable)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="data folder (default: $QUIZAPP_HOME or the user data folder)",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy URL of the progress store (default: SQLite in the data folder)",
    )
    parser.add_argument(
        "--lang", choices=LANGS, help="language of the interface (default: from the locale)"
    )
    parser.add_argument("--profile", metavar="NAME", help="whose progress (default: the user name)")

    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    tui = _lazy("tui", "run_tui")
    commands.add_parser(
        "review", help="review due flashcards and items (spaced repetition)"
    ).set_defaults(run=tui)
    quiz = commands.add_parser("quiz", help="a quiz by pages, topic or type")
    _selection_options(quiz, "--type")
    quiz.add_argument("--count", type=int, metavar="N", help="how many questions (default 10)")
    quiz.add_argument("--cram", action="store_true", help="practise without changing the schedule")
    quiz.add_argument(
        "--learn-new",
        action="store_true",
        help="count cards seen for the first time against today's new-card limit",
    )
    quiz.set_defaults(run=tui)
    practice = commands.add_parser(
        "practice", help="write PyTorch code for a practical task, graded by hidden tests"
    )
    practice.add_argument("task_id", nargs="?", metavar="TASK_ID", help="open this task directly")
    practice.set_defaults(run=tui)
    exam = commands.add_parser(
        "exam",
        help="timed mock exams; `exam preview ID` prints a paper without starting one",
        usage="quizapp exam [ID]\n       quizapp exam preview ID [--seed N] [--json | --markdown FILE]",
    )
    exam.add_argument("exam_id", nargs="?", metavar="ID", help="start (or resume) this blueprint")
    exam.add_argument("preview_id", nargs="?", metavar="ID", help=argparse.SUPPRESS)
    exam.add_argument("--seed", type=int, metavar="N", help="preview: the seed to draw with")
    paper = exam.add_mutually_exclusive_group()
    paper.add_argument("--json", action="store_true", help="preview: print the questions as JSON")
    paper.add_argument(
        "--markdown", metavar="FILE", help="preview: write the questions and the answer key"
    )
    exam.set_defaults(run=_lazy("exam", "run_exam"))

    bank_commands = _group(commands, "bank", "check or count the question bank", "ACTION")
    check = bank_commands.add_parser(
        "check",
        help="validate the bundled bank and the given folders; print every problem as path:line",
    )
    check.add_argument("dirs", nargs="*", metavar="DIR", help="more bank folders to check")
    check.set_defaults(run=_lazy("bank", "run_check"))
    verify = bank_commands.add_parser(
        "verify",
        help="check that the hidden tests pass the reference and catch the catalogued mistakes "
        "and the reference's mutants",
    )
    verify.add_argument("task_ids", nargs="*", metavar="TASK_ID", help="only these tasks")
    verify.add_argument(
        "--json", action="store_true", help="one JSON object per task, one per line"
    )
    verify.set_defaults(run=_lazy("verify", "run_verify"))
    attempt = bank_commands.add_parser(
        "try",
        help="judge typed answers as review, quiz and the exam would (a cloze: one text per "
        "blank, separated by /)",
    )
    attempt.add_argument("item_id", nargs="?", metavar="ITEM_ID", help="a written item's id")
    attempt.add_argument("answers", nargs="*", metavar="ANSWER", help="answers to judge")
    attempt.add_argument(
        "--file",
        metavar="ANSWERS.jsonl",
        help='one {"item": ID, "answer": TEXT or [TEXT, ...]} per line',
    )
    attempt.add_argument("--json", action="store_true", help="one JSON object per answer")
    attempt.set_defaults(run=_lazy("bank_try", "run_try"))
    stats = bank_commands.add_parser(
        "stats", help="count items, flashcards, tasks and exams per syllabus entry"
    )
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    stats.set_defaults(run=_lazy("bank", "run_stats"))

    export_to = _group(commands, "export", "export the bank for another program", "FORMAT")
    anki_out = export_to.add_parser(
        "anki",
        help="an Anki package (.apkg): a deck per syllabus entry, page tags, stable note ids",
    )
    anki_out.add_argument("file", metavar="FILE.apkg", help="the package to write")
    _selection_options(anki_out, "--types", "--type")
    anki_out.set_defaults(run=_lazy("anki", "run_export"))

    import_from = _group(commands, "import", "import questions from another program", "FORMAT")
    anki_in = import_from.add_parser(
        "anki", help="Anki notes (plain-text export .txt or package .apkg) as a bank items file"
    )
    anki_in.add_argument(
        "file", metavar="FILE", help="Anki's 'Notes in Plain Text' .txt or an .apkg"
    )
    anki_in.add_argument(
        "--out", required=True, metavar="BANK_DIR/items/NAME.yaml", help="the items file to write"
    )
    anki_in.add_argument("--force", action="store_true", help="replace --out if it exists")
    anki_in.add_argument(
        "--update",
        action="store_true",
        help="for notes of items already in the bank that were edited in Anki, write "
        "what changed as a diff beside --out (NAME.changes.diff) to review",
    )
    anki_in.set_defaults(run=_lazy("anki", "run_import"))

    progress = commands.add_parser(
        "stats", help="your progress: reviews, due cards, streak, retention, mastery, mock exams"
    )
    progress.add_argument("--json", action="store_true", help="print one JSON object")
    progress.set_defaults(run=_lazy("stats", "run_stats"))

    plan = commands.add_parser(
        "plan",
        help="the predicted exam score on your exam date and tonight's plan to raise it most",
    )
    plan.add_argument(
        "--minutes", type=int, metavar="N", help="the minutes you have tonight (default 30)"
    )
    plan.add_argument("--json", action="store_true", help="print one JSON object")
    plan.set_defaults(run=_lazy("plan", "run_plan"))

    profile = commands.add_parser(
        "profile", help="show or set the study plan (exam date, new cards per day)"
    )
    when = profile.add_mutually_exclusive_group()
    when.add_argument(
        "--exam-date",
        metavar="YYYY-MM-DD",
        help="reviews that would fall after it are pulled forward to its eve",
    )
    when.add_argument("--no-exam-date", action="store_true", help="forget the exam date")
    profile.add_argument(
        "--new-per-day", type=int, metavar="N", help="new cards per day (default 20)"
    )
    profile.add_argument("--json", action="store_true", help="print one JSON object")
    profile.set_defaults(run=_lazy("profile", "run_profile"))

    board = commands.add_parser(
        "leaderboard",
        help="training tasks: every profile's best metric (accuracy, or lowest RMSLE), ranked",
    )
    board.add_argument(
        "task_id", nargs="?", metavar="TASK_ID", help="one training task (default: all)"
    )
    board.add_argument("--json", action="store_true", help="one JSON object per row, one per line")
    board.set_defaults(run=_lazy("leaderboard", "run_leaderboard"))

    class_commands = _group(
        commands, "class", "the teacher's view: class report, similar code", "ACTION"
    )
    report = class_commands.add_parser(
        "report",
        help="every profile of the store in use: reviews, retention, mastery, task scores, "
        "mock exams; then what the class finds hard",
    )
    report.add_argument(
        "--csv", metavar="FILE", help="also write one row per student (- for stdout)"
    )
    report.add_argument("--json", action="store_true", help="print one JSON object")
    report.set_defaults(run=_lazy("classroom", "run_report"))
    similar = class_commands.add_parser(
        "similar", help="pairs of submissions with alike code (winnowing, as MOSS), to read by hand"
    )
    similar.add_argument("task_id", metavar="TASK_ID", help="the task the files answer")
    similar.add_argument(
        "folder", metavar="FOLDER", help="a folder of submissions (.py, recursive)"
    )
    similar.add_argument(
        "--threshold",
        type=float,
        default=60,
        metavar="PERCENT",
        help="list pairs at least this similar (default 60)",
    )
    similar.add_argument("--json", action="store_true", help="one JSON object per pair")
    similar.set_defaults(run=_lazy("classroom", "run_similar"))

    grade = commands.add_parser(
        "grade", help="grade files or folders against a practical task's hidden tests"
    )
    grade.add_argument("task_id", nargs="?", metavar="TASK_ID", help="a task id, e.g. cnn-fashion")
    grade.add_argument(
        "files", nargs="*", metavar="PATH", help="Python files, or folders (every .py inside)"
    )
    grade.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    grade.add_argument(
        "--jobs", type=int, metavar="N", help="parallel workers (default: every core)"
    )
    grade.add_argument(
        "--csv", metavar="FILE", help="write a gradebook: a row per file (per student with --exam)"
    )
    grade.add_argument(
        "--exam",
        metavar="BLUEPRINT_ID",
        help="grade a class folder FOLDER/<student>/<task_id>.py against a blueprint's tasks",
    )
    grade.add_argument(
        "--show-output",
        action="store_true",
        help="also print what each file printed while graded (for teachers; cut to a few KB)",
    )
    grade.set_defaults(run=_lazy("grade", "run_grade"))

    doctor = commands.add_parser(
        "doctor",
        help="what this machine offers: Python, torch, the grader's sandbox, banks, terminal "
        "(for bug reports)",
    )
    doctor.add_argument("--json", action="store_true", help="print one JSON object")
    doctor.add_argument(
        "--restore",
        action="store_true",
        help="put the newest daily backup of a damaged SQLite progress store in its place "
        "(the damaged file is renamed, never deleted)",
    )
    doctor.set_defaults(run=_lazy("doctor", "run_doctor"))
    return parser


def _group(commands: Any, name: str, about: str, metavar: str) -> Any:
    """A command with actions of its own (`bank check`, `export anki`); alone, it prints its help."""
    group = commands.add_parser(name, help=about)
    group.set_defaults(help_parser=group)
    return group.add_subparsers(dest=f"{name}_action", metavar=metavar, parser_class=_Parser)


def _selection_options(parser: argparse.ArgumentParser, *type_flags: str) -> None:
    """``--pages``, ``--topic`` and the type option, as `quiz` and `export anki` take them."""
    parser.add_argument("--pages", metavar="PAGES", help="e.g. 17-26 or 83-88,90")
    parser.add_argument("--topic", metavar="TOPIC", help="a topic, e.g. 손실함수")
    parser.add_argument(
        *type_flags,
        dest="type",
        action="append",
        metavar="TYPE",
        help="item type (repeatable or comma-separated): written, single_choice, …, flashcard",
    )


def _lang_before_parsing(words: list[str]) -> str:
    """The language of help and usage errors: ``--lang``, else the locale's."""
    from .cli_i18n import early_lang
    from .settings import default_lang

    chosen = early_lang(words)
    return chosen if chosen in LANGS else default_lang()


def _lazy(module: str, function: str) -> Callable[[argparse.Namespace, Settings], int]:
    def run(args: argparse.Namespace, settings: Settings) -> int:
        from importlib import import_module

        command = import_module(f"quizapp.commands.{module}")
        result: int = getattr(command, function)(args, settings)
        return result

    return run


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    _Parser.lang = _lang_before_parsing(words)
    from .cli_i18n import speak_english, speak_korean

    if _Parser.lang == "ko":
        speak_korean(parser)
    else:
        speak_english()
    args = parser.parse_args(argv)
    if args.command is None:
        args.run = _lazy("tui", "run_tui")
    if not hasattr(args, "run"):  # a command group without its action, e.g. `quizapp bank`
        args.help_parser.print_help(sys.stderr)
        return EXIT_USAGE
    settings: Settings | None = None
    try:
        settings = resolve(
            data_dir=args.data_dir,
            banks=args.bank,
            db=args.db,
            lang=args.lang,
            profile=args.profile,
        )
        run: Callable[[argparse.Namespace, Settings], int] = args.run
        return run(args, settings)
    except (UsageError, SettingsError) as exc:
        lang = settings.lang if settings is not None else _Parser.lang
        text = exc.text(lang)
        sys.stderr.write(f"quizapp: {'오류' if lang == 'ko' else 'error'}: {text}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write(f"quizapp: {'중단됨' if _Parser.lang == 'ko' else 'interrupted'}\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK

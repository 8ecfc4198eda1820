"""The ``quizapp`` command line.

Global options come before the subcommand (``quizapp --bank DIR bank stats``). The
commands are listed in :data:`quizapp.commands.COMMANDS`; each one's options are defined
beside it, in its module, which is imported only when that command is parsed, so that
``--help`` and ``bank`` stay fast and never import torch or Textual. How a command ends
becomes an exit code in :func:`quizapp.commands.base.execute`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from . import __version__
from .commands.status import EXIT_USAGE
from .settings import LANGS, Settings, resolve


class _Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors (no usage dump, no traceback)."""

    lang = "en"  # set for every parser by main() before parsing (see cli_i18n)

    def error(self, message: str) -> NoReturn:
        if _Parser.lang == "ko":
            sys.stderr.write(f"{self.prog}: 오류: {message} ({self.prog} --help 참고)\n")
        else:
            sys.stderr.write(f"{self.prog}: error: {message} (see {self.prog} --help)\n")
        raise SystemExit(EXIT_USAGE)


class _CommandParser(_Parser):
    """A command's parser, whose options its module adds when the command is parsed or its
    help shown (``define``: ``module:function`` of :mod:`quizapp.commands`).

    Whoever must see those options (the Korean help) adds itself to :attr:`when_defined`.
    """

    def __init__(self, *args: Any, define: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.define = define
        self.when_defined: list[Callable[[argparse.ArgumentParser], None]] = []

    def defined(self) -> None:
        if self.define:
            module, function = self.define.split(":")
            self.define = ""
            from importlib import import_module

            getattr(import_module(f"quizapp.commands.{module}"), function)(self)
            for hook in self.when_defined:
                hook(self)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self.defined()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self.defined()
        return super().format_usage()

    def format_help(self) -> str:
        self.defined()
        return super().format_help()


def build_parser() -> argparse.ArgumentParser:
    """The global options, then every command of :data:`quizapp.commands.COMMANDS`."""
    from .commands import COMMANDS, Group

    parser = _Parser(
        prog="quizapp",
        description="Offline study companion for the AI Essential exam: "
        "questions, flashcards, spaced repetition, PyTorch practice and mock exams.",
        epilog="Run `quizapp COMMAND --help` for the options of one command.",
    )
    _global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser)
    for entry in COMMANDS:
        if isinstance(entry, Group):
            group = commands.add_parser(entry.name, help=entry.help)
            group.set_defaults(help_parser=group)
            actions = group.add_subparsers(
                dest=f"{entry.name}_action", metavar=entry.metavar, parser_class=_CommandParser
            )
            for action in entry.actions:
                actions.add_parser(action.name, help=action.help, define=action.define)
        else:
            commands.add_parser(entry.name, help=entry.help, define=entry.define)
    return parser


def _global_options(parser: argparse.ArgumentParser) -> None:
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
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="log debug records: on stderr, or from the app to quizapp.log in the data folder "
        "(also $QUIZAPP_LOG=debug)",
    )
    parser.add_argument(
        "--log-file",
        metavar="PATH",
        help="append log records to this file instead (also $QUIZAPP_LOG_FILE)",
    )


def _lang_before_parsing(words: list[str]) -> str:
    """The language of help and usage errors: ``--lang``, else the locale's."""
    from .cli_i18n import early_lang
    from .settings import default_lang

    chosen = early_lang(words)
    return chosen if chosen in LANGS else default_lang()


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
        from .commands.tui import run_tui

        args.run = run_tui
    if not hasattr(args, "run"):  # a command group without its action, e.g. `quizapp bank`
        args.help_parser.print_help(sys.stderr)
        return EXIT_USAGE
    from . import logs
    from .commands.base import execute
    from .commands.tui import opens_the_app

    def settings() -> Settings:
        wanted = logs.request(args.verbose, args.log_file)
        resolved = resolve(
            data_dir=args.data_dir,
            banks=args.bank,
            db=args.db,
            lang=args.lang,
            profile=args.profile,
        )
        logs.configure(wanted, app_folder=resolved.data_dir if opens_the_app(args) else None)
        return resolved

    return execute(args.run, args, settings, _Parser.lang)

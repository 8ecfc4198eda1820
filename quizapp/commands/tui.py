"""The interactive app: `quizapp`, `quizapp review`, `quizapp quiz …`, `quizapp practice [ID]`,
`quizapp exam [ID]`. Options are checked here, before the first frame, so that a typo
is a one-line usage error rather than an empty screen."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..settings import Settings
from .filters import QUIZ_TYPES, card_filter, selection_options
from .status import EXIT_OK, UsageError

PREVIEW = "preview"  # `quizapp exam preview ID` prints a paper; `quizapp exam [ID]` is the app
APP_COMMANDS = (None, "review", "quiz", "practice", "exam")


def opens_the_app(args: argparse.Namespace) -> bool:
    """Whether this command line runs the app, whose screen no log record may touch."""
    return args.command in APP_COMMANDS and getattr(args, "exam_id", None) != PREVIEW


def review_arguments(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(run=run_tui)


def quiz_arguments(parser: argparse.ArgumentParser) -> None:
    selection_options(parser, "--type")
    parser.add_argument("--count", type=int, metavar="N", help="how many questions (default 10)")
    parser.add_argument(
        "--cram", action="store_true", help="practise without changing the schedule"
    )
    parser.add_argument(
        "--learn-new",
        action="store_true",
        help="count cards seen for the first time against today's new-card limit",
    )
    parser.set_defaults(run=run_tui)


def practice_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("task_id", nargs="?", metavar="TASK_ID", help="open this task directly")
    parser.set_defaults(run=run_tui)


def task_ids(settings: Settings) -> list[str]:
    """The task ids of every bank folder, from the folder names (no YAML parsing)."""
    from question_bank import bundled_bank_dir

    ids: list[str] = []
    for root in [bundled_bank_dir(), *settings.banks]:
        tasks = Path(root) / "tasks"
        if tasks.is_dir():
            ids += sorted(p.name for p in tasks.iterdir() if (p / "task.yaml").is_file())
    return ids


BLUEPRINT_ID = re.compile(r"^id:\s*['\"]?([A-Za-z0-9][A-Za-z0-9_-]*)['\"]?\s*(?:#.*)?$", re.M)


def exam_ids(settings: Settings) -> list[str]:
    """The blueprint ids of every bank folder, read from each exams/*.yaml's top-level
    ``id:`` line with a regular expression (no YAML parsing; the file name is the
    fallback), so that a typo is caught before the first frame at no cost."""
    from question_bank import bundled_bank_dir

    ids: list[str] = []
    for root in [bundled_bank_dir(), *settings.banks]:
        exams = Path(root) / "exams"
        if not exams.is_dir():
            continue
        for path in sorted(exams.iterdir()):
            if path.suffix not in (".yaml", ".yml") or not path.is_file():
                continue
            try:
                found = BLUEPRINT_ID.search(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                found = None
            ids.append(found.group(1) if found else path.stem)
    return ids


def build_start(args: argparse.Namespace, settings: Settings) -> object:
    from ..tui.app import Start

    screen = args.command or "home"
    if screen == "quiz":
        chosen = card_filter(args.pages, args.topic, args.type, QUIZ_TYPES)
        if args.count is not None and args.count < 1:
            raise UsageError.say("cli.at_least_one", option="--count")
        return Start(
            "quiz",
            card_filter=chosen,
            count=args.count,
            cram=args.cram,
            learn_new=getattr(args, "learn_new", False),
        )
    if screen == "practice" and args.task_id:
        known = task_ids(settings)
        if args.task_id not in known:
            raise UsageError.say("cli.unknown_task", task=args.task_id, known=", ".join(known))
        return Start("practice", task_id=args.task_id)
    if screen == "exam" and getattr(args, "exam_id", None):
        known = exam_ids(settings)
        if args.exam_id not in known:
            raise UsageError.say("cli.unknown_exam", exam=args.exam_id, known=", ".join(known))
        return Start("exam", exam_id=args.exam_id)
    return Start(screen)


def run_tui(args: argparse.Namespace, settings: Settings) -> int:
    for folder in settings.banks:
        if not folder.is_dir():
            raise UsageError.say("cli.bank.folder_missing", folder=folder)
    start = build_start(args, settings)
    from grader.sandbox.choice import SandboxUnavailable, choose

    try:  # a sandbox that cannot run here is said now, not at the first grade
        choose(settings.sandbox)
    except SandboxUnavailable as exc:
        raise UsageError(str(exc)) from None
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError.say("cli.needs_terminal")
    from ..tui.app import make_app

    app = make_app(settings, start=start)
    app.run()
    return EXIT_OK if app.return_code in (None, 0) else int(app.return_code or 1)

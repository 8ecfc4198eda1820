"""`quizapp exam [ID]` (the timed exam in the app) and `quizapp exam preview ID`: the
paper a sitting would draw, printed as Markdown or JSON without starting an attempt."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..i18n import translate
from ..settings import Settings
from .shared import load_valid
from .status import EXIT_FAIL, EXIT_OK, UsageError
from .tui import PREVIEW, run_tui


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.usage = (
        "quizapp exam [ID]\n       quizapp exam preview ID [--seed N] [--json | --markdown FILE]"
    )
    parser.add_argument("exam_id", nargs="?", metavar="ID", help="start (or resume) this blueprint")
    parser.add_argument("preview_id", nargs="?", metavar="ID", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, metavar="N", help="preview: the seed to draw with")
    paper = parser.add_mutually_exclusive_group()
    paper.add_argument("--json", action="store_true", help="preview: print the questions as JSON")
    paper.add_argument(
        "--markdown", metavar="FILE", help="preview: write the questions and the answer key"
    )
    parser.set_defaults(run=run_exam)


def run_exam(args: argparse.Namespace, settings: Settings) -> int:
    if args.exam_id == PREVIEW:
        return run_preview(args, settings)
    if args.preview_id is not None:
        raise UsageError.say("cli.exam.extra_argument", value=args.preview_id)
    if args.seed is not None or args.json or args.markdown:
        raise UsageError.say("cli.exam.preview_only")
    return run_tui(args, settings)


def run_preview(args: argparse.Namespace, settings: Settings) -> int:
    from ..exam.preview import draw_paper, paper_json, paper_markdown

    if args.preview_id is None:
        raise UsageError.say("cli.exam.preview_needs_id")
    bank = load_valid(settings)
    if bank is None:
        return EXIT_FAIL
    if args.preview_id not in bank.exams:
        known = ", ".join(sorted(bank.exams))
        raise UsageError.say("cli.unknown_exam", exam=args.preview_id, known=known)
    paper = draw_paper(bank, args.preview_id, args.seed)
    if args.json:
        print(json.dumps(paper_json(paper, bank), ensure_ascii=False, indent=2))
        return EXIT_OK
    text = paper_markdown(paper, bank, settings.lang)
    if args.markdown is None:
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.markdown)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError.say(
            "cli.exam.markdown_unwritable", path=target, error=exc.strerror or exc
        ) from None
    print(translate("preview.written", settings.lang, path=target))
    return EXIT_OK

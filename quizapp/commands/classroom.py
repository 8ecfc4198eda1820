"""``quizapp class report`` and ``quizapp class similar``: the teacher's view of a class.

``report`` reads every profile of the store in use (``--db`` for a shared
PostgreSQL server, else the SQLite file) without adding one of its own.
``similar`` lists pairs of submissions whose normalised token streams are
alike — for the teacher to read, never as a verdict (exit 0 either way).
"""

from __future__ import annotations

import argparse
import json
import sys

from ..i18n import translate
from ..settings import Settings
from ..store import Classroom, StoreError, open_database
from .shared import handed_files, known_task, load_valid, open_output, similarity
from .status import EXIT_FAIL, EXIT_OK, UsageError


def report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--csv", metavar="FILE", help="also write one row per student (- for stdout)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run_report)


def similar_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("task_id", metavar="TASK_ID", help="the task the files answer")
    parser.add_argument("folder", metavar="FOLDER", help="a folder of submissions (.py, recursive)")
    parser.add_argument(
        "--threshold",
        type=float,
        default=60,
        metavar="PERCENT",
        help="list pairs at least this similar (default 60)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per pair")
    parser.set_defaults(run=run_similar)


def open_classroom(settings: Settings) -> Classroom:
    """The store in use, every profile of it; an unreachable one is a usage error (exit 2)."""
    try:
        return Classroom(open_database(settings.database_url))
    except StoreError as exc:
        raise UsageError(exc.text(settings.lang)) from None


def run_report(args: argparse.Namespace, settings: Settings) -> int:
    from ..classroom.report import build_report
    from ..classroom.report_view import format_class_report, report_json, write_csv

    bank = load_valid(settings)
    if bank is None:
        return EXIT_FAIL
    classroom = open_classroom(settings)
    try:
        report = build_report(classroom, bank)
    finally:
        classroom.close()
    if args.csv == "-":
        write_csv(report, sys.stdout)
    elif args.csv:
        with open_output(args.csv) as out:
            write_csv(report, out)
        print(translate("class.csv_written", settings.lang, path=args.csv), file=sys.stderr)
    if args.json:
        print(json.dumps(report_json(report, settings.lang), ensure_ascii=False, indent=2))
    elif args.csv != "-":
        if not report.students:
            print(translate("class.no_profiles", settings.lang))
        else:
            print(format_class_report(report, settings.lang))
    return EXIT_OK


def _lines(span: tuple[int, int]) -> str:
    return f"{span[0]}" if span[0] == span[1] else f"{span[0]}-{span[1]}"


def run_similar(args: argparse.Namespace, settings: Settings) -> int:
    def t(key: str, **values: object) -> str:
        return translate(key, settings.lang, **values)

    threshold = args.threshold / 100
    if not 0 < threshold <= 1:
        raise UsageError.say("cli.class.threshold")
    bank = load_valid(settings)
    if bank is None:
        return EXIT_FAIL
    task = known_task(bank, args.task_id)
    handed, sources = handed_files([args.folder])
    comparison = similarity(task, handed, sources, settings.lang, sys.stdout)
    if comparison is None:
        return EXIT_OK
    for name, error in comparison.unreadable.items():
        print(t("similar.unreadable", file=name, error=error), file=sys.stderr)
    pairs = comparison.above(threshold)
    if args.json:
        for p in pairs:
            row = {
                "task": task.id,
                "a": p.a,
                "b": p.b,
                "similarity": round(p.similarity, 4),
                "a_share": round(p.a_share, 4),
                "b_share": round(p.b_share, 4),
                "fragments": [
                    {"a_lines": list(f.a_lines), "b_lines": list(f.b_lines)} for f in p.fragments
                ],
            }
            print(json.dumps(row, ensure_ascii=False))
        return EXIT_OK
    print(
        t(
            "similar.header",
            task=task.id,
            files=len(handed),
            pairs=len(pairs),
            threshold=f"{args.threshold:g}%",
        )
    )
    for p in pairs:
        print(
            t(
                "similar.pair",
                a=p.a,
                b=p.b,
                percent=f"{100 * p.similarity:.0f}%",
                a_share=f"{100 * p.a_share:.0f}%",
                b_share=f"{100 * p.b_share:.0f}%",
            )
        )
        for f in p.fragments:
            print(
                t(
                    "similar.fragment",
                    a=p.a,
                    a_lines=_lines(f.a_lines),
                    b=p.b,
                    b_lines=_lines(f.b_lines),
                )
            )
    return EXIT_OK

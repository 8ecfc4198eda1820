"""``quizapp plan [--minutes N] [--json]``: the predicted score on the exam date and
tonight's plan — the activities that raise it most per minute."""

from __future__ import annotations

import argparse
import json

from ..i18n import translate
from ..plan_view import format_plan
from ..settings import Settings
from ..store import open_store
from ..study import StudyService
from ..study.exam_plan import DEFAULT_MINUTES, PlanUnavailable, exam_plan, plan_json
from .shared import load_valid
from .status import EXIT_FAIL, EXIT_OK, CommandFailed, UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--minutes", type=int, metavar="N", help="the minutes you have tonight (default 30)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run_plan)


def run_plan(args: argparse.Namespace, settings: Settings) -> int:
    minutes = DEFAULT_MINUTES if args.minutes is None else args.minutes
    if minutes < 1:
        raise UsageError(translate("plan.error.minutes", settings.lang))
    try:
        with open_store(settings) as store:
            bank = load_valid(settings)
            if bank is None:
                return EXIT_FAIL
            found = exam_plan(StudyService(store, bank), minutes)
    except PlanUnavailable as exc:
        raise CommandFailed.say(f"plan.error.{exc.reason}", **exc.values) from None
    if args.json:
        print(json.dumps(plan_json(found), ensure_ascii=False, indent=2))
    else:
        print(format_plan(found, bank, settings.lang))
    return EXIT_OK

"""The ``--pages``, ``--topic`` and ``--type`` options shared by `quiz` and `export anki`:
how they are declared and what they select."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .status import UsageError

if TYPE_CHECKING:
    from quizapp.study import CardFilter

# What `--type` may name: an item type, or `written` for every written type.
ITEM_TYPES = (
    "written",
    "single_choice",
    "multiple_choice",
    "true_false",
    "short_answer",
    "numeric",
    "cloze",
    "flashcard",
)
QUIZ_TYPES = (*ITEM_TYPES, "task")


def card_filter(
    pages: str | None,
    topic: str | None,
    types: Sequence[str] | None,
    known_types: Sequence[str],
    *,
    option: str = "--type",
) -> CardFilter:
    """A :class:`quizapp.study.CardFilter`, or a one-line usage error naming the bad option.

    ``types`` are the option's values, each repeatable or comma-separated.
    """
    from question_bank import parse_pages_arg
    from quizapp.study import CardFilter

    page_ranges = None
    if pages:
        try:
            page_ranges = tuple(parse_pages_arg(pages))
        except ValueError as exc:
            raise UsageError.say("cli.bad_pages", error=exc) from None
    chosen = None
    if types:
        chosen = frozenset(t.strip() for part in types for t in part.split(",") if t.strip())
        unknown = sorted(chosen - set(known_types))
        if unknown:
            raise UsageError.say(
                "cli.unknown_type", option=option, type=unknown[0], known=", ".join(known_types)
            )
    return CardFilter(pages=page_ranges, topic=topic, types=chosen)


def selection_options(parser: argparse.ArgumentParser, *type_flags: str) -> None:
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

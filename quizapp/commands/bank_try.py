"""``quizapp bank try``: judge typed answers exactly as review, quiz and the exam would.

For authors checking what an item (with the bank's glossary) accepts::

    quizapp bank try lstm-cell-update-cloze "망각/입력/tanh" "forget/output/tanh"
    quizapp bank try --file answers.jsonl --json

A cloze takes one text per blank: ``/`` between blanks on the command line, a list
(or a ``/``-separated text) in the file. Each line of the file is
``{"item": ID, "answer": STRING or [STRING, ...]}``. One row per answer:
``item``, ``answer``, ``correct``, ``matched``, ``note`` (and ``how``, ``blanks``);
an unknown item or a bad line gives a row with ``error``. Exit status 0 once every
answer has a row, 1 when the bank has problems, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import difflib
import json
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from question_bank import Bank, Cloze, Flashcard, Item
from question_bank.answers.check import Response, judge
from question_bank.answers.judgement import Judgement
from question_bank.text import display_width, pad

from ..i18n import translate
from ..settings import Settings
from ..study.feedback import match_note
from .shared import load_valid
from .status import EXIT_FAIL, EXIT_OK, UsageError

Row = dict[str, Any]


class _BadAnswer(ValueError):
    """An answer of the wrong shape for its item: the row says so."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("item_id", nargs="?", metavar="ITEM_ID", help="a written item's id")
    parser.add_argument("answers", nargs="*", metavar="ANSWER", help="answers to judge")
    parser.add_argument(
        "--file",
        metavar="ANSWERS.jsonl",
        help='one {"item": ID, "answer": TEXT or [TEXT, ...]} per line',
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per answer")
    parser.set_defaults(run=run_try)


def run_try(args: argparse.Namespace, settings: Settings) -> int:
    # a row's `error` in --json stays English (a stable text for scripts, like its keys);
    # the table shows it in the interface language
    error_lang = "en" if args.json else settings.lang
    requests = list(_requests(args, settings.lang, error_lang))
    bank = load_valid(settings)
    if bank is None:
        return EXIT_FAIL
    rows = [
        _row(bank, item_id, answer, settings.lang, where, error_lang)
        for item_id, answer, where in requests
    ]
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        print(_table(rows, partial(translate, lang=settings.lang)))
    return EXIT_OK


def _requests(
    args: argparse.Namespace, lang: str, error_lang: str
) -> Iterator[tuple[Any, Any, str | None]]:
    """(item id, answer, where it came from) for each answer to judge; usage errors first."""
    t = partial(translate, lang=lang)
    if args.file is not None:
        if args.item_id is not None:
            raise UsageError(t("cli.try.both"))
        path = Path(args.file)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            raise UsageError(t("cli.try.no_file", path=path)) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(t("cli.try.unreadable", path=path, error=exc)) from None
        return _file_requests(path, lines, partial(translate, lang=error_lang))
    if args.item_id is None or not args.answers:
        raise UsageError(t("cli.try.nothing"))
    return iter([(args.item_id, answer, None) for answer in args.answers])


def _file_requests(
    path: Path, lines: list[str], t: Callable[..., str]
) -> Iterator[tuple[Any, Any, str | None]]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield None, None, t("cli.try.not_json", where=where, error=exc.msg)
            continue
        if not isinstance(data, dict) or "item" not in data or "answer" not in data:
            yield None, None, t("cli.try.bad_line", where=where)
            continue
        yield data["item"], data["answer"], where


def _row(
    bank: Bank, item_id: Any, answer: Any, lang: str, where: str | None, error_lang: str
) -> Row:
    row: Row = {"item": item_id, "answer": answer}
    if item_id is None:
        return {**row, "error": where}
    t = partial(translate, lang=error_lang)
    prefix = f"{where}: " if where else ""
    item = bank.items.get(item_id) if isinstance(item_id, str) else None
    if item is None:
        if item_id in bank.tasks:
            return {**row, "error": t("cli.try.is_task", prefix=prefix, item=item_id)}
        close = (
            difflib.get_close_matches(item_id, list(bank.items), n=1, cutoff=0.6)
            if isinstance(item_id, str)
            else []
        )
        hint = t("cli.did_you_mean", word=repr(close[0])) if close else ""
        return {**row, "error": t("cli.try.unknown", prefix=prefix, item=item_id, hint=hint)}
    if isinstance(item, Flashcard):
        return {**row, "error": t("cli.try.flashcard", prefix=prefix, item=item_id)}
    try:
        response = _response(item, answer, t)
    except _BadAnswer as exc:
        return {**row, "error": f"{prefix}{exc}"}
    judgement = judge(item, response, bank.glossary)
    t = partial(translate, lang=lang)
    return {
        **row,
        "correct": judgement.correct,
        "matched": _matched(judgement),
        "note": match_note(judgement, t),
        "how": judgement.how,
        **({"blanks": [b.correct for b in judgement.blanks]} if judgement.blanks else {}),
    }


def _response(item: Item, answer: Any, t: Callable[..., str]) -> Response:
    """The answer as the screen would collect it."""
    if isinstance(item, Cloze):
        count = len(item.blanks)
        if isinstance(answer, str):
            parts = [answer] if count == 1 else [p.strip() for p in answer.split("/")]
        elif isinstance(answer, list) and all(isinstance(p, str) for p in answer):
            parts = answer
        else:
            raise _BadAnswer(t("cli.try.cloze_shape"))
        if len(parts) != count:
            raise _BadAnswer(t("cli.try.cloze_count", count=count, got=len(parts)))
        return parts
    if isinstance(answer, list):
        if all(isinstance(p, str) for p in answer):
            return answer
        raise _BadAnswer(t("cli.try.answer_shape"))
    if isinstance(answer, bool | int | float):
        return answer
    if not isinstance(answer, str):
        raise _BadAnswer(t("cli.try.answer_shape"))
    return answer


def _matched(judgement: Judgement) -> Any:
    if judgement.blanks:
        return [b.matched if b.correct else None for b in judgement.blanks]
    return judgement.matched if judgement.correct else None


def _table(rows: list[Row], t: Callable[..., str]) -> str:
    head = (
        t("match.col.item"),
        t("match.col.answer"),
        "",
        t("match.col.matched"),
        t("match.col.note"),
    )
    body = []
    for row in rows:
        answer = row["answer"]
        shown = " / ".join(answer) if isinstance(answer, list) else str(answer)
        if "error" in row:
            body.append((str(row["item"]), shown, "!", "", row["error"]))
            continue
        matched = row["matched"]
        if isinstance(matched, list):
            matched = " / ".join(m or "✗" for m in matched)
        mark = "✓" if row["correct"] else "✗"
        body.append((str(row["item"]), shown, mark, matched or "", row["note"] or ""))
    widths = [max(display_width(r[i]) for r in [head, *body]) for i in range(4)]
    lines = []
    for r in [head, *body]:
        cells = [pad(r[i], widths[i]) for i in range(4)]
        lines.append("  ".join([*cells, r[4]]).rstrip())
    right = sum(1 for r in rows if r.get("correct"))
    lines.append(t("match.summary", right=right, total=len(rows)))
    return "\n".join(lines)

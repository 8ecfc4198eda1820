"""Describing an exception raised by student code in words a student can act on.

Only frames of the submission itself (``submission.py``) are ever shown: the
hidden tests' code and the grader's stay out of every message. The exception
object comes from student code, so reading it (``str()``, the class name) is
guarded: a lying or raising ``__str__`` yields a generic description.
"""

from __future__ import annotations

import linecache
from types import TracebackType

from grader.sandbox.limits import MESSAGE_CHARS
from grader.text import Text
from grader.verdict.messages import memory_limit, msg

SUBMISSION = "submission.py"
_TYPE_NAME = type.__dict__["__qualname__"]


def register_source(source: str) -> None:
    """Let tracebacks quote lines of the submission, which exists only in memory."""
    lines = source.splitlines(keepends=True)
    linecache.cache[SUBMISSION] = (len(source), None, lines, SUBMISSION)


def _name(exc: BaseException) -> str:
    try:
        name = _TYPE_NAME.__get__(type(exc))
    except Exception:
        return "an exception"
    return name if type(name) is str else "an exception"


def _text(exc: BaseException) -> str:
    try:
        text = str(exc)
    except Exception:
        return ""
    if type(text) is not str:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= MESSAGE_CHARS else text[:MESSAGE_CHARS] + "…"


exception_name, exception_text = _name, _text  # for grader.inside.layertrace


def submission_lines(tb: TracebackType | None) -> list[tuple[int, str]]:
    """(line number, function name) of each submission frame, innermost last."""
    found: list[tuple[int, str]] = []
    seen = 0
    while tb is not None and seen < 1000:
        code = tb.tb_frame.f_code
        if code.co_filename == SUBMISSION:
            found.append((tb.tb_lineno, code.co_name))
        tb = tb.tb_next
        seen += 1
    return found


def is_out_of_memory(exc: BaseException) -> bool:
    name = _name(exc)
    if name == "MemoryError":
        return True
    text = _text(exc)
    return name in ("RuntimeError", "OutOfMemoryError") and (
        "can't allocate memory" in text or "not enough memory" in text
    )


def describe(exc: BaseException, memory_mb: int | None = None) -> Text:
    """One line: what was raised and on which line of the submission."""
    if memory_mb is not None and is_out_of_memory(exc):
        return memory_limit(memory_mb)
    name = _name(exc)
    text = _text(exc)
    if name == "SystemExit":
        return msg("called_exit", code=text)
    lines = submission_lines(exc.__traceback__)
    what = f"{name}: {text}" if text else name
    if lines:
        line, function = lines[-1]
        where = (
            msg("at_line", line=line)
            if function == "<module>"
            else msg("at_line_in", line=line, function=function)
        )
        return msg("raised", what=what, where=where)
    return msg("raised_elsewhere", what=what)


def format_for_run(exc: BaseException) -> str:
    """A Python-style traceback limited to the submission's own frames (for "run only")."""
    out = ["Traceback (most recent call last):"]
    for line, function in submission_lines(exc.__traceback__):
        out.append(f'  File "{SUBMISSION}", line {line}, in {function}')
        text = linecache.getline(SUBMISSION, line).strip()
        if text:
            out.append(f"    {text}")
    name = _name(exc)
    text = _text(exc)
    if isinstance(exc, SyntaxError) and exc.lineno:
        out = [f'  File "{SUBMISSION}", line {exc.lineno}', f"    {(exc.text or '').strip()}"]
        return "\n".join([*out, f"SyntaxError: {exc.msg}"])
    out.append(f"{name}: {text}" if text else name)
    return "\n".join(out)


def describe_syntax_error(exc: SyntaxError) -> Text:
    if exc.lineno:
        return msg("syntax_error", line=exc.lineno, detail=exc.msg)
    return msg("syntax_error_somewhere", detail=exc.msg)

"""The verdict, decided in the app's process from plain data only.

The reference run's checks define what is graded: their names, titles, order,
points, comparison rules (exact, within a tolerance, tensor) and wording. The
submission's observations are compared with them one by one; a check passes
when it ran without error and every observation matches. Nothing the
submission reports can add a check, change points or loosen a tolerance.
The submission's frames are untrusted: any shape this module does not expect
fails the check (or the run) instead of raising, every sentence it reports is
cut short, and one that quotes a line of the hidden tests is not shown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from grader.sandbox.limits import HIDDEN_LINE_CHARS, REPORTED_CHARS
from grader.text import LANGS, Text, as_text, is_complete
from grader.verdict.compare import compare
from grader.verdict.messages import TextError, cut, msg
from grader.verdict.outcome import Outcome
from grader.verdict.result import CheckResult, ErrorKind, GradeResult


class ReferenceBroken(TextError):
    """The task's reference solution does not pass its own hidden tests (a bank bug)."""


@dataclass(frozen=True)
class Reference:
    """What the reference solution showed: the checks to grade against and its exports."""

    checks: list[dict[str, Any]]
    exports: dict[str, Any]

    @property
    def total_points(self) -> float:
        return sum(float(c["points"]) for c in self.checks)

    def title(self, name: str) -> Text:
        """The check's name in every language (its English name if the probe gave no other)."""
        for check in self.checks:
            if check["name"] == name:
                return as_text(check.get("title") or name)
        return as_text(name)

    def untranslated(self) -> list[str]:
        """The English words of the hidden tests that lack their Korean: check names,
        observation labels and ``fail`` messages written as plain ``str``."""
        missing: list[str] = []
        for check in self.checks:
            texts = [check.get("title") or check["name"]]
            for observation in check.get("observations") or []:
                texts += [observation.get("label"), observation.get("fail")]
            for text in texts:
                if text is not None and not is_complete(as_text(text)):
                    english = as_text(text)["en"]
                    if english not in missing:
                        missing.append(english)
        return missing


def reference_from(outcome: Outcome) -> Reference:
    problem = outcome.problem()
    if problem:
        raise ReferenceBroken(msg("reference_not_run", detail=problem.text))
    for check in outcome.checks:
        if check.get("error"):
            error = as_text(check["error"])
            raise ReferenceBroken(msg("reference_fails_check", name=check["name"], detail=error))
    assert outcome.done is not None
    if not outcome.checks:
        raise ReferenceBroken(msg("no_checks"))
    exports = outcome.done.get("exports") or {}
    return Reference(checks=list(outcome.checks), exports=dict(exports))


# -- what the submission's side may say --------------------------------------------


def _plain(line: str) -> str:
    """A line as the screen compares it: format characters (zero-width spaces, joiners,
    direction marks) removed, NFKC-normalised (full-width letters, ligatures, non-breaking
    spaces), without any whitespace and without surrounding quotes. Whitespace is dropped
    rather than collapsed so that spaces or newlines inserted between the characters of a
    line do not hide it either."""
    text = "".join(ch for ch in line if unicodedata.category(ch) != "Cf")
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return "".join(text.split()).strip("\"'`")


def _lines(source: str) -> set[str]:
    """The lines of ``source`` long enough to screen (measured with whitespace collapsed)."""
    return {
        _plain(line)
        for line in source.splitlines()
        if len(" ".join(line.split()).strip("\"'` ")) >= HIDDEN_LINE_CHARS
    }


class Screen:
    """Keeps the hidden tests' and the reference solution's source out of what the student reads.

    A submission can find the hidden tests' source (or pieces of it) in its
    own process and raise it as an exception message. Every sentence of a
    verdict is cut to :data:`REPORTED_CHARS`, and one that holds a whole line
    of the hidden tests or of the reference solution (of at least
    :data:`HIDDEN_LINE_CHARS` characters once normalised, see :func:`_plain`) is replaced
    by a sentence saying so. A reference line that the submission itself holds is not
    screened: quoting your own code (a traceback's line) is no leak.
    """

    def __init__(
        self, hidden_source: str, reference_source: str = "", own_source: str = ""
    ) -> None:
        self.lines = sorted(_lines(hidden_source))
        reference = _lines(reference_source) - _lines(own_source) - set(self.lines)
        self.reference_lines = sorted(reference)

    def __call__(self, text: Text, what: Text) -> Text:
        text = cut(
            {lang: text[lang] for lang in LANGS if lang in text} or as_text(""), REPORTED_CHARS
        )
        plain = "".join(_plain(t) for t in text.values())
        if any(line in plain for line in self.lines):
            return msg("message_hidden", what=what)
        if any(line in plain for line in self.reference_lines):
            return msg("message_hidden_reference", what=what)
        return text


# -- the verdict ---------------------------------------------------------------


def _check_message(ref_check: dict[str, Any], got: dict[str, Any]) -> Text | None:
    error = got.get("error")
    if error is not None:
        return as_text(error) if isinstance(error, dict | str) else msg("check_failed")
    observations = got.get("observations")
    if not isinstance(observations, list):
        return msg("check_reported_nothing")
    ref_observations = ref_check.get("observations") or []
    for i, ref_obs in enumerate(ref_observations):
        message = compare(ref_obs, observations[i] if i < len(observations) else None)
        if message:
            return message
    if len(observations) > len(ref_observations):
        return msg("check_reported_more")
    return None


def _not_run(reference: Reference, error: Text | None, stopped_by: Any) -> Text:
    if error:
        return msg("not_run", why=error)
    if isinstance(stopped_by, str):
        return msg("not_run", why=msg("required_failed", name=reference.title(stopped_by)))
    return msg("not_run_plain")


def _reported_checks(outcome: Outcome) -> dict[str, dict[str, Any]]:
    """The checks the run reported, by name (the first of a name; malformed ones left out)."""
    got_by_name: dict[str, dict[str, Any]] = {}
    for check in outcome.checks:
        if isinstance(check, dict) and isinstance(check.get("name"), str):
            got_by_name.setdefault(check["name"], check)
    return got_by_name


def grade(
    task_id: str,
    max_score: float,
    reference: Reference,
    outcome: Outcome,
    *,
    hidden_source: str = "",
    reference_source: str = "",
    own_source: str = "",
    show_output: bool = False,
) -> GradeResult:
    """Compare one submission's run with the reference and score it.

    ``hidden_source`` (the task's ``hidden_tests.py``) and ``reference_source`` (its
    ``solution.py``, except the lines the submission ``own_source`` holds too) are what no
    sentence of the verdict may quote; ``show_output`` puts what the run printed into the
    verdict (for a teacher: it could carry the hidden tests back).
    """
    screen = Screen(hidden_source, reference_source, own_source)
    problem = outcome.problem()
    error: Text | None = screen(problem.text, msg("check_failed")) if problem else None
    error_kind: ErrorKind | None = problem.kind if problem else None
    got_by_name = _reported_checks(outcome)
    stopped_by = outcome.done.get("stopped_by") if outcome.done else None
    if (
        error is None
        and outcome.done is not None
        and not isinstance(stopped_by, str)
        and any(str(c["name"]) not in got_by_name for c in reference.checks)
    ):
        error, error_kind = msg("tampered", detail=msg("tamper_incomplete")), "submission"
    total = reference.total_points
    results: list[CheckResult] = []
    first_with: dict[str, Text] = {}  # an error's words -> the first check that raised it
    for ref_check in reference.checks:
        name = str(ref_check["name"])
        max_points = max_score * float(ref_check["points"]) / total if total else 0.0
        got = got_by_name.get(name)
        message: Text | None
        if got is None:
            message = _not_run(reference, error, stopped_by)
        else:
            try:
                message = _check_message(ref_check, got)
            except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
                message = msg("check_malformed")  # only a forged report gets here
            if message:
                message = screen(message, msg("check_failed"))
            if message and got.get("error") is not None:
                key = re.sub(r"\d+", "#", message.get("en", ""))  # batch sizes aside
                if key in first_with:  # grouped: the message is read once, the diagnosis once
                    message = msg("same_error", name=first_with[key])
                else:
                    first_with[key] = reference.title(name)
        passed = not message
        results.append(
            CheckResult(
                name=name,
                title=reference.title(name),
                passed=passed,
                message=message or {},
                points=round(max_points if passed else 0.0, 4),
                max_points=round(max_points, 4),
            )
        )
    score = round(sum(r.points for r in results), 2)
    return GradeResult(
        task=task_id,
        passed=error is None and all(r.passed for r in results),
        score=min(score, max_score),
        max_score=max_score,
        checks=results,
        error=error,
        error_kind=error_kind,
        duration_s=round(outcome.duration_s, 3),
        output=outcome.output() if show_output else "",
        retried=outcome.retried,
    )

"""The grader's verdict on screen: the score and the time, then what to look at (the
diagnoses, first: they explain the failures below them), then ✓/✗ per check with its message;
or, for a run without grading, what the code printed and the error it ended with.

It shows the grader's own types (``GradeResult``, ``RunResult``) in the interface
language and decides nothing; the practice editor, the submission history and the mock
exam share it. A graded run shows no output (it could carry the hidden tests back); a
run of the student's own file (ctrl+r) shows what it printed.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from grader.text import in_lang
from grader.verdict.result import GradeResult, RunResult
from quizapp.study.practice_view import format_duration, format_score
from quizapp.training_view import training_line

Translate = Callable[..., str]
PASS, FAIL = "$text-success", "$text-error"
Parts = list[str | tuple[str, str]]


class CheckReport(VerticalScroll):
    """A scrollable report; ``text`` holds what it shows, as plain text."""

    DEFAULT_CSS = """
    CheckReport { height: auto; }
    CheckReport > #report-body { padding: 0 1; }
    """

    def __init__(self, t: Translate, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.t = t
        self.lang = lang
        self.text = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="report-body", markup=False)

    def _show(self, content: Content) -> None:
        self.text = content.plain
        self.query_one("#report-body", Static).update(content)
        self.scroll_home(animate=False)

    def clear(self) -> None:
        self._show(Content(""))

    def show_message(self, message: str, error: bool = False) -> None:
        self._show(Content.assemble((message, FAIL if error else "")))

    def show_grade(self, result: GradeResult) -> None:
        t, lang = self.t, self.lang
        error = result.error_in(lang)
        if result.internal:  # the grader's failure, not the student's: no verdict at all
            parts: Parts = [(t("report.grader_failed"), f"bold {FAIL}")]
            if error:
                parts += ["\n", (error, FAIL)]
            self._show(Content.assemble(*parts))
            return
        verdict = t("report.passed") if result.passed else t("report.failed")
        head = t(
            "report.summary",
            verdict=verdict,
            score=format_score(result.score, result.max_score),
            checks=sum(check.passed for check in result.checks),
            total=len(result.checks),
            time=format_duration(result.duration_s),
        )
        parts = [(head, f"bold {PASS if result.passed else FAIL}")]
        if result.diagnoses:  # the explanation first: what to look at, above the checks
            parts += ["\n", (t("report.diagnoses"), "bold")]
            for diagnosis in result.diagnoses:
                parts += ["\n", f"  → {in_lang(diagnosis.message, lang)}"]
        if result.training is not None:
            parts += ["\n", training_line(result.training, lang)]
        if error:
            parts += ["\n", (f"{t('report.error')}: {error}", FAIL)]
        for check in result.checks:
            mark, style = ("✓", PASS) if check.passed else ("✗", FAIL)
            parts += ["\n", (mark, f"bold {style}"), f" {check.title_in(lang)}"]
            if check.max_points:
                parts.append((f"  {format_score(check.points, check.max_points)}", "dim"))
            message = check.message_in(lang)
            if message and not check.passed:
                parts += ["\n", (f"    {message}", style)]
        self._show(Content.assemble(*parts))

    def show_run(self, result: RunResult) -> None:
        t = self.t
        time = format_duration(result.duration_s)
        if result.ok:
            head: tuple[str, str] = (t("report.run_ok", time=time), f"bold {PASS}")
        else:
            head = (t("report.run_failed", time=time), f"bold {FAIL}")
        parts: Parts = [head]
        for label, text in (("report.stdout", result.stdout), ("report.stderr", result.stderr)):
            if text:
                parts += ["\n", (t(label), "bold"), "\n", text.rstrip("\n")]
        for note in result.notes:
            parts += ["\n", in_lang(note, self.lang)]
        if len(parts) == 1:
            parts += ["\n", (t("report.no_output"), "dim")]
        error = result.error_in(self.lang)
        if error:
            parts += ["\n", (t("report.error"), "bold"), "\n", (error.rstrip("\n"), FAIL)]
        self._show(Content.assemble(*parts))

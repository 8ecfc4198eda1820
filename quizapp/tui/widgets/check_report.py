"""The grader's verdict on screen: ✓/✗ per check with its message, the score and the time;
or, for a run without grading, what the code printed and the error it ended with.

It shows reports built by :mod:`quizapp.study.practice_view` and decides nothing; the
practice editor, the submission history and the mock exam share it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quizapp.study.practice_view import GradeReport, RunReport, format_duration, format_score

Translate = Callable[..., str]
PASS, FAIL = "$text-success", "$text-error"


class CheckReport(VerticalScroll):
    """A scrollable report; ``text`` holds what it shows, as plain text."""

    DEFAULT_CSS = """
    CheckReport { height: auto; }
    CheckReport > #report-body { padding: 0 1; }
    """

    def __init__(self, t: Translate, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.t = t
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

    def show_grade(self, report: GradeReport) -> None:
        t = self.t
        verdict = t("report.passed") if report.passed else t("report.failed")
        head = t(
            "report.summary",
            verdict=verdict,
            score=format_score(report.score, report.max_score),
            checks=report.passed_checks,
            total=len(report.checks),
            time=format_duration(report.duration_s),
        )
        parts: list[str | tuple[str, str]] = [(head, f"bold {PASS if report.passed else FAIL}")]
        if report.error:
            parts += ["\n", (f"{t('report.error')}: {report.error}", FAIL)]
        for check in report.checks:
            mark, style = ("✓", PASS) if check.passed else ("✗", FAIL)
            parts += ["\n", (mark, f"bold {style}"), f" {check.name}"]
            if check.max_points:
                parts.append((f"  {format_score(check.points, check.max_points)}", "dim"))
            if check.message and not check.passed:
                parts += ["\n", (f"    {check.message}", style)]
        parts += self._output(report.stdout, report.stderr)
        self._show(Content.assemble(*parts))

    def show_run(self, report: RunReport) -> None:
        t = self.t
        if report.ok:
            head: tuple[str, str] = (
                t("report.run_ok", time=format_duration(report.duration_s)),
                f"bold {PASS}",
            )
        else:
            head = (t("report.run_failed", time=format_duration(report.duration_s)), f"bold {FAIL}")
        parts: list[str | tuple[str, str]] = [head]
        output = self._output(report.stdout, report.stderr)
        parts += output or ["\n", (t("report.no_output"), "dim")]
        if report.error:
            parts += ["\n", (t("report.error"), "bold"), "\n", (report.error.rstrip("\n"), FAIL)]
        self._show(Content.assemble(*parts))

    def _output(self, stdout: str, stderr: str) -> list[str | tuple[str, str]]:
        parts: list[str | tuple[str, str]] = []
        for label, text in (("report.stdout", stdout), ("report.stderr", stderr)):
            if text:
                parts += ["\n", (self.t(label), "bold"), "\n", text.rstrip("\n")]
        return parts

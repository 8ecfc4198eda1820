"""One mock-exam blueprint shown whole: description, sections (what each draws and what it
is worth) and the past attempts at it; enter (or s) starts it, or resumes the attempt
still running."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown

from question_bank import format_pages
from quizapp.formatting import cell
from quizapp.i18n import Translate

from .base import QuizScreen

if TYPE_CHECKING:
    from question_bank import Blueprint, Section
    from quizapp.store import ExamAttempt


def percent_text(value: float) -> str:
    """59.6% stays 59.6% (not a "60%" next to "failed")."""
    return f"{round(value, 1):g}%"


def draws(section: Section, t: Translate) -> str:
    parts = []
    if section.tasks:
        tasks = ", ".join(f"`{task}`" for task in section.tasks)
        if section.count is not None and section.count < len(section.tasks):
            parts.append(t("exams.draws.tasks", tasks=tasks, count=section.count))
        else:
            parts.append(t("exams.draws.all_tasks", tasks=tasks))
    if section.pages:
        parts.append(t("exams.draws.pages", pages=format_pages(section.pages)))
    if section.types:
        parts.append(t("exams.draws.types", types=", ".join(t(f"type.{k}") for k in section.types)))
    if section.weights:
        weights = ", ".join(f"`{k}` ×{v:g}" for k, v in section.weights.items())
        parts.append(t("exams.draws.weights", weights=weights))
    if section.stratify == "syllabus":
        parts.append(t("exams.draws.stratified"))
    if section.distinct == "family":
        parts.append(t("exams.draws.distinct"))
    return " · ".join(parts) or t("exams.draws.scope")


def attempt_result(attempt: ExamAttempt, t: Translate) -> tuple[str, str]:
    if attempt.finished_at is None or attempt.score_percent is None:
        return "—", t("exams.unfinished")
    return percent_text(attempt.score_percent), t(
        "exams.passed" if attempt.passed else "exams.failed"
    )


def blueprint_markdown(
    blueprint: Blueprint,
    attempts: Sequence[ExamAttempt],
    t: Translate,
    note: str | None = None,
) -> str:
    summary = t(
        "exams.summary",
        minutes=f"{blueprint.minutes:g}",
        questions=sum(s.size() for s in blueprint.sections),
        points=f"{blueprint.max_points:g}",
        pass_percent=f"{blueprint.pass_percent:g}",
    )
    lines = [f"# {blueprint.title}", "", f"**{summary}**", ""]
    if note:
        lines += [f"> {note}", ""]
    if blueprint.description:
        lines += [blueprint.description.strip(), ""]
    columns = ("section", "kind", "count", "each", "draws")
    lines += [f"## {t('exams.sections')}", ""]
    lines += ["| " + " | ".join(t(f"exams.col.{c}") for c in columns) + " |"]
    lines += ["|" + "---|" * len(columns)]
    for s in blueprint.sections:
        row = (
            cell(s.title),
            t(f"exams.kind.{s.kind}"),
            str(s.size()),
            f"{s.points_each:g}",
            draws(s, t),
        )
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", f"## {t('exams.past')}", ""]
    if not attempts:
        lines.append(t("exams.no_attempts"))
        return "\n".join(lines)
    lines += [
        f"| {t('exams.col.date')} | {t('exams.col.score')} | {t('exams.col.result')} |",
        "|---|---|---|",
    ]
    for attempt in attempts:
        when = attempt.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        score, result = attempt_result(attempt, t)
        lines.append(f"| {when} | {score} | {result} |")
    return "\n".join(lines)


class BlueprintScreen(QuizScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("enter,s", "start", "Start", id="exam-start"),
    ]

    def __init__(self, blueprint: Blueprint, attempts: Sequence[ExamAttempt]) -> None:
        super().__init__()
        self.blueprint = blueprint
        self.attempts = list(attempts)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="blueprint"):
            yield Markdown(
                blueprint_markdown(self.blueprint, self.attempts, self.t, self.start_note()),
                id="blueprint-body",
            )
        yield Footer()

    def start_note(self) -> str:
        """What enter does here: start a new attempt, or resume the one still running."""
        running = next((a for a in self.attempts if not a.finished), None)
        runner = self.ctx.exam_runner
        if running is not None and runner is not None:
            from quizapp.exam.view import format_clock

            if not runner.expired(running):
                left = format_clock(runner.remaining(running))
                return self.t("exams.resume_note", left=left)
        return self.t("exams.start_note", minutes=f"{self.blueprint.minutes:g}")

    def on_mount(self) -> None:
        self.sub_title = self.blueprint.id
        self.query_one("#blueprint", VerticalScroll).focus()

    def action_start(self) -> None:
        """Start or resume; the sitting screen takes this one's place (back leads to the list)."""
        self.ctx.exams.open(self.blueprint.id, replace=True)

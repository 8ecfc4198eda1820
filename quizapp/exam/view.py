"""What the exam screens show, decided without a user interface: the clock as text, the
question list's marks, a stored answer in words, the results summary and the review of
each question (the student's answer, the right one, the explanation).

Plain Python over the bank, the stored attempt and the runner's ``Results``; the
screens only place these texts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from grader.text import in_lang
from question_bank import (
    Cloze,
    MultipleChoice,
    Numeric,
    ShortAnswer,
    SingleChoice,
    Task,
    TrueFalse,
)
from question_bank.answers.check import judge
from question_bank.glossary import Glossary

from ..formatting import cell, percent, points
from ..i18n import translate
from ..render import answer_markdown, page_line, prompt_markdown
from ..store import ExamAttempt, ExamQuestion
from ..study.feedback import match_note
from ..training_view import metric_text, target_text
from .draw import shuffled_choices
from .runner import GradingIncomplete, Results, decode_answer

Translate = Callable[..., str]
EMPTY = (None, "", '""', "[]")


def format_clock(left: timedelta) -> str:
    """``1:27:05`` from an hour up, ``27:05`` below, never negative; seconds rounded down,
    so the clock shows ``0:00`` only when the time is really up."""
    seconds = max(0, int(left.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def is_answered(question: ExamQuestion) -> bool:
    """The same rule as ``ExamRunner.unanswered``: an empty text or list is no answer."""
    return question.answer not in EMPTY


def question_mark(question: ExamQuestion) -> str:
    """The question list's line: number, answered (●) or not (○), flagged (⚑)."""
    mark = "●" if is_answered(question) else "○"
    flag = " ⚑" if question.flagged else ""
    return f"{question.index + 1:>2} {mark}{flag}"


def shown_choices(item: Any, seed: int) -> list[str]:
    """The order an attempt shows an item's choices in (the same on resume and in review)."""
    return shuffled_choices(item.choices, seed, item.id)


def response_text(item: Any, response: Any, lang: str) -> str:
    """A stored written answer in words: the choice, the choices, 참/거짓, the text."""
    if response is None or response == "" or response == []:
        return translate("exam.no_answer", lang)
    if isinstance(item, TrueFalse) and isinstance(response, bool):
        return translate("item.true" if response else "item.false", lang)
    if isinstance(item, MultipleChoice) and isinstance(response, list):
        return ", ".join(str(r) for r in response)
    if isinstance(item, Cloze) and isinstance(response, list):
        return " / ".join(str(r) or "…" for r in response)
    return str(response)


def stored_response(question: ExamQuestion) -> Any:
    return decode_answer(question.answer) if is_answered(question) else None


# -- results -------------------------------------------------------------------------------


def grading_failures(failed: GradingIncomplete, lang: str) -> str:
    """The questions the grader failed on, and why, in ``lang``: "5번 문항: …; 6번 문항: …"."""
    return "; ".join(
        translate("exam.task_failed", lang, number=index + 1, error=in_lang(verdict.error, lang))
        for index, verdict in sorted(failed.failed.items())
    )


def verdict_line(results: Results, lang: str) -> str:
    """ "✓ 합격 · 72/100점 (72%) · 합격선 60%"."""
    attempt = results.attempt
    return translate(
        "exam.verdict",
        lang,
        verdict=translate("exam.passed" if attempt.passed else "exam.failed", lang),
        score=points(results.score),
        max=points(results.max_score),
        percent=percent(attempt.score_percent or 0.0),
        pass_percent=f"{results.blueprint.pass_percent:g}",
    )


def summary_markdown(results: Results, lang: str) -> str:
    """Time used, points per section, and the syllabus entries from the weakest up."""

    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    attempt = results.attempt
    limit = timedelta(minutes=attempt.minutes)
    lines = [
        t("exam.time_used", used=format_clock(results.time_used), limit=format_clock(limit)),
        "",
    ]
    if results.kinds:
        lines += [f"**{t('exam.by_kind')}:** {kinds_line(results, lang)}", ""]
    lines += [
        f"### {t('exam.sections')}",
        "",
        f"| {t('exams.col.section')} | {t('exam.col.score')} | % |",
        "|---|---|---|",
    ]
    for section in results.sections:
        share = 100.0 * section.score / section.max_score if section.max_score else 0.0
        lines.append(
            f"| {cell(section.title)} | {points(section.score)}/{points(section.max_score)} "
            f"| {percent(share)} |"
        )
    if results.entries:
        lines += [
            "",
            f"### {t('exam.study_next')}",
            "",
            f"| {t('home.col.entry')} | {t('col.pages')} | {t('exam.col.score')} | % |",
            "|---|---|---|---|",
        ]
        for entry in results.entries:
            lines.append(
                f"| {cell(entry.title)} | {entry.pages} | "
                f"{points(entry.score)}/{points(entry.max_score)} | {percent(entry.percent)} |"
            )
    return "\n".join(lines)


def kinds_line(results: Results, lang: str) -> str:
    """The practical part per task kind: "배치 10/10 · 모델 구현 12/15 · 학습 문제 9/15
    (RMSLE 0.1700, 목표 0.16 이하)"."""
    parts = []
    for k in results.kinds:
        text = translate(
            "exam.kind_points",
            lang,
            kind=translate(f"task_kind.{k.kind}", lang),
            score=points(k.score),
            max=points(k.max_score),
        )
        if k.metric_name and k.metric is not None and k.target is not None:
            text += " " + translate(
                "exam.kind_metric",
                lang,
                metric_name=translate(f"metric.{k.metric_name}", lang),
                metric=metric_text(k.metric),
                target=target_text(k.metric_name, k.target, lang),
            )
        parts.append(text)
    return " · ".join(parts)


def result_mark(question: ExamQuestion, max_points: float) -> str:
    """✓ full points, ◐ some, ✗ none, — unanswered."""
    if not is_answered(question):
        return "—"
    score = question.score or 0.0
    if score >= max_points > 0:
        return "✓"
    return "◐" if score > 0 else "✗"


def written_review(
    item: Any,
    question: ExamQuestion,
    attempt: ExamAttempt,
    each: float,
    lang: str,
    glossary: Glossary | None = None,
) -> str:
    """A written question after the exam: the question (choices as they were shown), the
    student's answer with its points and what the matcher made of it, the right answer,
    the explanation and the pages."""

    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    parts = [f"### {question.index + 1}. {t('exam.question')}", prompt_markdown(item)]
    if isinstance(item, SingleChoice | MultipleChoice):
        order = shown_choices(item, attempt.seed)
        parts.append("\n".join(f"{i}. {choice}" for i, choice in enumerate(order, 1)))
    mark = result_mark(question, each)
    given = response_text(item, stored_response(question), lang)
    parts.append(
        f"**{t('exam.your_answer')}:** {mark} {given} · "
        f"{t('exam.points', score=points(question.score or 0.0), max=points(each))}"
    )
    note = _match_note(item, question, glossary, t)
    if note:
        parts.append(note)
    parts.append(answer_markdown(item, lang))
    explanation = getattr(item, "explanation", None)
    if explanation:
        parts.append(f"**{t('item.explanation')}**\n\n{explanation}")
    where = page_line(item, lang)
    if where:
        parts.append(f"_{where}_")
    return "\n\n".join(parts)


def _match_note(
    item: Any, question: ExamQuestion, glossary: Glossary | None, t: Callable[..., str]
) -> str | None:
    """How a typed answer was judged (the same matcher the exam scored it with), when the
    verdict still agrees with the stored one."""
    if not is_answered(question) or not isinstance(item, ShortAnswer | Numeric | Cloze):
        return None
    try:
        judgement = judge(item, stored_response(question), glossary)
    except (TypeError, ValueError):
        return None
    if judgement.correct != bool(question.correct):
        return None
    return match_note(judgement, t)


def task_review_head(task: Task, question: ExamQuestion, each: float, lang: str) -> str:
    """A task after the exam: its title and the points it won, scaled to the section."""
    mark = result_mark(question, each)
    score = translate("exam.points", lang, score=points(question.score or 0.0), max=points(each))
    return f"### {question.index + 1}. {task.title}\n\n**{mark} {score}**"


def task_review_tail(task: Task, question: ExamQuestion, solution: str, lang: str) -> str:
    """The student's code and, now that the exam is over, the reference solution."""

    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    code = question.answer or ""
    parts = [f"#### {t('exam.your_code')}"]
    parts.append(fenced(code) if code.strip() else f"_{t('exam.no_code')}_")
    parts += [f"#### {t('exam.solution')}", fenced(solution)]
    where = page_line(task, lang)
    if where:
        parts.append(f"_{where}_")
    return "\n\n".join(parts)


def fenced(code: str) -> str:
    """A Python code block that a ``` inside the code cannot close early."""
    fence = "```"
    while fence in code:
        fence += "`"
    return f"{fence}python\n{code.rstrip()}\n{fence}"

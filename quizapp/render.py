"""Items and tasks as Markdown, for the screens that show them whole (browse, feedback, review)."""

from __future__ import annotations

from typing import Any

from question_bank import Task, format_pages
from question_bank.cloze import render_cloze

from .i18n import translate


def page_line(entry: Any, lang: str) -> str:
    """ "교재 쪽 83-88 · 주제 DNN 모델링", or only the topic for items beyond the exam scope."""
    parts = []
    if entry.pages:
        parts.append(f"{translate('item.pages', lang)} {format_pages(entry.pages)}")
    if entry.topic:
        parts.append(f"{translate('item.topic', lang)} {entry.topic}")
    return " · ".join(parts)


def question_markdown(entry: Any, lang: str) -> str:
    """What the learner sees before answering (choices in bank order)."""
    if isinstance(entry, Task):
        return f"## {entry.title}\n\n{entry.prompt}"
    kind = entry.type
    if kind == "flashcard":
        return entry.front
    if kind == "cloze":
        return render_cloze(entry.text)
    body = entry.prompt
    if kind in ("single_choice", "multiple_choice"):
        body += "\n\n" + "\n".join(f"{i}. {c}" for i, c in enumerate(entry.choices, 1))
    return body


def answer_markdown(entry: Any, lang: str) -> str:
    """The right answer, phrased for the item's type."""
    if isinstance(entry, Task):
        return f"**{translate('item.points', lang)}** {entry.points:g}"
    kind = entry.type
    t = lambda key: translate(key, lang)  # noqa: E731
    if kind == "flashcard":
        return entry.back
    if kind == "single_choice":
        return f"**{t('item.answer')}:** {entry.answer}"
    if kind == "multiple_choice":
        return f"**{t('item.answers')}:** " + ", ".join(entry.answers)
    if kind == "true_false":
        return f"**{t('item.answer')}:** {t('item.true') if entry.answer else t('item.false')}"
    if kind == "short_answer":
        return f"**{t('item.accepted')}:** " + " / ".join(f"`{a}`" for a in entry.answers)
    if kind == "numeric":
        text = f"**{t('item.answer')}:** {entry.answer:g}"
        if entry.tolerance:
            text += f" (± {entry.tolerance:g})"
        return text
    if kind == "cloze":
        return render_cloze(entry.text, reveal=True)
    raise ValueError(f"unknown item type {kind!r}")


def full_markdown(entry: Any, lang: str) -> str:
    """Question, answer, explanation and page reference: the whole item, for browsing."""
    parts = [question_markdown(entry, lang), "---", answer_markdown(entry, lang)]
    if getattr(entry, "reverse", False):
        parts.append(f"_{translate('item.reverse', lang)}_")
    details = details_markdown(entry, lang)
    return "\n\n".join([*parts, details] if details else parts)


def details_markdown(entry: Any, lang: str) -> str:
    """The explanation and the page reference ("" when the item has neither)."""
    parts = []
    explanation = getattr(entry, "explanation", None)
    if explanation:
        parts.append(f"**{translate('item.explanation', lang)}**\n\n{explanation}")
    where = page_line(entry, lang)
    if where:
        parts.append(f"_{where}_")
    return "\n\n".join(parts)

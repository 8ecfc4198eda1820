"""Items and tasks as Markdown: the one renderer of a question, its answer and its notes,
for the screens that show them whole (study, browse, feedback, the exam and its review),
the exam preview and the Anki export. Cloze blanks are masked here (and in
:mod:`quizapp.student_text` for one-line text) through :func:`question_bank.cloze.render_cloze`."""

from __future__ import annotations

from question_bank import (
    Cloze,
    Flashcard,
    Item,
    MultipleChoice,
    Numeric,
    ShortAnswer,
    SingleChoice,
    Task,
    TrueFalse,
    format_pages,
)
from question_bank.cloze import render_cloze

from .i18n import translate


def page_line(entry: Item | Task, lang: str) -> str:
    """ "교재 쪽 83-88 · 주제 DNN 모델링", or only the topic for items beyond the exam scope."""
    parts = []
    if entry.pages:
        parts.append(f"{translate('item.pages', lang)} {format_pages(entry.pages)}")
    if entry.topic:
        parts.append(f"{translate('item.topic', lang)} {entry.topic}")
    return " · ".join(parts)


def prompt_markdown(entry: Item | Task) -> str:
    """The question without its choices (the screens show those as buttons), blanks masked:
    a task's title and prompt, a flashcard's front, a cloze's text, an item's prompt."""
    match entry:
        case Task():
            return f"## {entry.title}\n\n{entry.prompt}"
        case Flashcard():
            return entry.front
        case Cloze():
            return render_cloze(entry.text)
        case _:
            return entry.prompt


def question_markdown(entry: Item | Task, lang: str) -> str:
    """What the learner sees before answering, choices listed in bank order (for a page
    that has no buttons: browsing, the exam preview, an Anki card)."""
    if isinstance(entry, SingleChoice | MultipleChoice):
        choices = "\n".join(f"{i}. {c}" for i, c in enumerate(entry.choices, 1))
        return f"{prompt_markdown(entry)}\n\n{choices}"
    return prompt_markdown(entry)


def answer_markdown(entry: Item | Task, lang: str) -> str:
    """The right answer, phrased for the item's type."""

    def t(key: str) -> str:
        return translate(key, lang)

    match entry:
        case Task():
            return f"**{t('item.points')}** {entry.points:g}"
        case Flashcard():
            return entry.back
        case SingleChoice():
            return f"**{t('item.answer')}:** {entry.answer}"
        case MultipleChoice():
            return f"**{t('item.answers')}:** " + ", ".join(entry.answers)
        case TrueFalse():
            return f"**{t('item.answer')}:** {t('item.true') if entry.answer else t('item.false')}"
        case ShortAnswer():
            return f"**{t('item.accepted')}:** " + " / ".join(f"`{a}`" for a in entry.answers)
        case Numeric():
            text = f"**{t('item.answer')}:** {entry.answer:g}"
            if entry.tolerance:
                text += f" (± {entry.tolerance:g})"
            return text
        case Cloze():
            return render_cloze(entry.text, reveal=True)


def full_markdown(entry: Item | Task, lang: str) -> str:
    """Question, answer, explanation and page reference: the whole item, for browsing."""
    parts = [question_markdown(entry, lang), "---", answer_markdown(entry, lang)]
    if getattr(entry, "reverse", False):
        parts.append(f"_{translate('item.reverse', lang)}_")
    return "\n\n".join([*parts, *notes_markdown(entry, lang)])


def notes_markdown(entry: Item | Task, lang: str) -> list[str]:
    """What follows an answer: the explanation and the page reference (each if there is one)."""
    parts = []
    explanation = getattr(entry, "explanation", None)
    if explanation:
        parts.append(f"**{translate('item.explanation', lang)}**\n\n{explanation}")
    where = page_line(entry, lang)
    if where:
        parts.append(f"_{where}_")
    return parts

"""A printable exam without a sitting: the questions a sitting with the same seed would
draw (the same :func:`draw_questions`, the same seeds), as JSON for checking a blueprint
or as Markdown — the questions, then the answer key — for a paper exam.

Nothing is stored: the store's attempts are neither read nor written, so the paper is
the one a student with no finished attempt of the blueprint gets for that seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from question_bank import Bank, Blueprint, Item, Task
from question_bank.kinds import entry_of

from ..i18n import translate
from ..render import answer_markdown, notes_markdown, question_markdown
from .draw import Question, draw_questions, new_seed, shuffled_choices


@dataclass(frozen=True)
class Paper:
    blueprint: Blueprint
    seed: int
    questions: list[Question]


def draw_paper(bank: Bank, blueprint_id: str, seed: int | None = None) -> Paper:
    """The paper of ``blueprint_id`` for ``seed`` (a new random seed when None, as a
    sitting takes one); KeyError for an unknown blueprint."""
    blueprint = bank.exams[blueprint_id]
    seed = new_seed() if seed is None else seed
    return Paper(blueprint, seed, draw_questions(blueprint, bank, seed))


def _entry(bank: Bank, question: Question) -> Item | Task:
    if question.kind == "written":
        return bank.items[question.item_id]
    return bank.tasks[question.item_id]


def paper_json(paper: Paper, bank: Bank) -> dict[str, Any]:
    """``{"blueprint", "seed", "questions": [{"id", "kind", "type", "pages", "points",
    "section", …}]}``: a written row adds ``entry`` (its syllabus entry's title, None outside
    the syllabus), a task row ``task_kind``, ``family`` and ``checks_parameters``."""
    questions = []
    for q in paper.questions:
        entry = _entry(bank, q)
        row: dict[str, Any] = {
            "id": q.item_id,
            "kind": "written" if q.kind == "written" else "practical",
            "type": "task" if isinstance(entry, Task) else entry.type,
            "pages": [p.to_yaml() for p in entry.pages or []],
            "points": paper.blueprint.sections[q.section].points_each,
            "section": paper.blueprint.sections[q.section].title,
        }
        if isinstance(entry, Task):
            row["task_kind"] = entry.kind
            row["family"] = entry.family
            row["checks_parameters"] = entry.checks_parameters
        else:
            home = entry_of(entry.pages, bank.syllabus)
            row["entry"] = home.title if home is not None else None
        questions.append(row)
    return {"blueprint": paper.blueprint.id, "seed": paper.seed, "questions": questions}


def _as_sat(entry: Item | Task, paper: Paper) -> Item | Task:
    """The entry with its choices in the order the sitting shows them."""
    choices = getattr(entry, "choices", None)
    if choices is None:
        return entry
    return entry.model_copy(update={"choices": shuffled_choices(choices, paper.seed, entry.id)})


def paper_markdown(paper: Paper, bank: Bank, lang: str) -> str:
    """The questions section by section, then the answer key with explanations and pages."""

    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    blueprint = paper.blueprint
    out = [
        f"# {blueprint.title}",
        t(
            "preview.header",
            minutes=f"{blueprint.minutes:g}",
            points=f"{blueprint.max_points:g}",
            passing=f"{blueprint.pass_percent:g}",
            seed=paper.seed,
        ),
    ]
    if blueprint.description:
        out.append(blueprint.description.strip())
    section = -1
    for n, q in enumerate(paper.questions, 1):
        if q.section != section:
            section = q.section
            out.append(f"## {blueprint.sections[section].title}")
        points = f"{blueprint.sections[q.section].points_each:g}"
        entry = _as_sat(_entry(bank, q), paper)
        out.append(f"### {t('preview.question', number=n, points=points)}")
        out.append(question_markdown(entry, lang))
    out.append(f"## {t('preview.key')}")
    for n, q in enumerate(paper.questions, 1):
        entry = _as_sat(_entry(bank, q), paper)
        out.append(f"### {t('preview.answer', number=n)}")
        out.append(answer_markdown(entry, lang))
        if isinstance(entry, Task):
            out.append(
                f"**{t('preview.solution')}**\n\n```python\n{entry.read('solution.py').rstrip()}\n```"
            )
        out.extend(notes_markdown(entry, lang))
    return "\n\n".join(out) + "\n"

"""The bundled bank covers the whole exam scope with enough, well-formed, distinct items (issue 4)."""

from __future__ import annotations

import re

from question_bank import Bank, overlaps
from question_bank.answers.normal import normalize
from question_bank.stats import bank_stats
from tests.bank import test_computed_part_a, test_computed_part_b, test_computed_part_c

# Topics the issue names as larger: more than the minimum per entry.
LARGER = {
    "파이토치 텐서",
    "DNN 모델링",
    "합성곱층",
    "CNN 모델 구성",
    "LSTM",
    "LSTM 모델 구성",
    "RAG",
}
COMPUTED = {
    **test_computed_part_a.COMPUTED,
    **test_computed_part_b.COMPUTED,
    **test_computed_part_c.COMPUTED,
}


def test_totals(bank: Bank) -> None:
    assert len(bank.written) >= 200
    assert len(bank.flashcards) >= 250


def test_every_syllabus_entry_has_written_items_and_flashcards(bank: Bank) -> None:
    stats = bank_stats(bank)
    assert len(stats["syllabus"]) == 23
    for entry in stats["syllabus"]:
        least = 12 if entry["title"] in LARGER else 6
        assert entry["written"] >= least, entry
        assert entry["flashcards"] >= least, entry


def test_written_items_of_every_entry_use_several_types(bank: Bank) -> None:
    for entry in bank.syllabus:
        types = {i.type for i in bank.written if overlaps(i.pages or [], entry.pages)}
        assert len(types) >= 3, (entry.title, types)


def test_no_two_items_ask_the_same_thing(bank: Bank) -> None:
    seen: dict[str, str] = {}
    for item in bank.items.values():
        key = f"{item.kind}:{normalize(item.headline)}"
        assert key not in seen, f"{item.id} repeats {seen[key]}"
        seen[key] = item.id


def test_every_written_item_teaches(bank: Bank) -> None:
    for item in bank.written:
        assert item.explanation and len(item.explanation.strip()) >= 20, item.id


def test_items_beyond_the_scope_have_a_topic(bank: Bank) -> None:
    beyond = [i for i in bank.items.values() if not i.pages]
    assert len({i.topic for i in beyond}) >= 8
    assert all(i.topic for i in beyond)


def test_every_number_is_computed_or_cited(bank: Bank) -> None:
    """Numeric answers about shapes, sizes and counts are computed in torch by the part tests."""
    unchecked = [
        item.id
        for item in bank.written
        if item.type == "numeric" and item.id not in COMPUTED and "from-notes" not in item.tags
    ]
    assert unchecked == []


def test_short_answers_accept_variants(bank: Bank) -> None:
    """Names are accepted with and without their module prefix (`nn.X` and `X`)."""
    for item in bank.written:
        if item.type != "short_answer":
            continue
        accepted = {normalize(a) for a in item.answers}
        for answer in list(accepted):
            for prefix in ("torch.nn.", "nn.", "torch."):
                if answer.startswith(prefix) and answer.count(".") == prefix.count("."):
                    assert answer.removeprefix(prefix) in accepted, (item.id, answer)


def test_mock_exam_mirrors_the_course_exam(bank: Bank) -> None:
    mock = bank.exams["ai-essential-mock"]
    kinds = [s.kind for s in mock.sections]
    # The notes' practical part: Batch, 모델 구현 (TC, parameters), 학습문제; tensors besides.
    assert kinds == ["written", "tensor", "batch", "model", "training"]
    assert mock.sections[0].pages is None  # the written part spans the whole scope
    assert mock.sections[0].stratify == "syllabus"
    assert all(s.distinct == "family" for s in mock.sections if s.kind in ("model", "training"))
    practical_tasks = {t.id for s in mock.sections if s.practical for t in bank.task_pool(s)}
    assert practical_tasks <= set(bank.tasks)
    assert mock.max_points == 100


def test_written_drill_is_fifteen_minutes_of_written_items(bank: Bank) -> None:
    drill = bank.exams["written-drill"]
    assert drill.minutes == 15
    assert {s.kind for s in drill.sections} == {"written"}


def _english_paragraphs(markdown: str) -> list[str]:
    """Paragraphs of prose (code blocks and inline code left out) with several English
    words and no Korean: text a student in the Korean course would read untranslated."""
    prose = re.sub(r"```.*?```", "", markdown, flags=re.DOTALL)
    found = []
    for paragraph in re.split(r"\n\s*\n", prose):
        words = re.findall(r"\b[A-Za-z]{2,}\b", re.sub(r"`[^`]*`", "", paragraph))
        if len(words) >= 6 and not re.search(r"[가-힣]", paragraph):
            found.append(" ".join(paragraph.split())[:80])
    return found


def test_the_bank_speaks_korean(bank: Bank) -> None:
    """The course is taught in Korean: no paragraph of a task prompt or an item is English
    only (English terms inside Korean sentences are fine)."""
    texts = [(task.id, task.prompt) for task in bank.tasks.values()]
    for item in bank.items.values():
        for field in ("prompt", "text", "front", "back", "explanation"):
            value = getattr(item, field, None)
            if isinstance(value, str):
                texts.append((f"{item.id}.{field}", value))
    english = {name: found for name, text in texts if (found := _english_paragraphs(text))}
    assert english == {}

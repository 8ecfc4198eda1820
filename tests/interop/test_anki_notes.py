"""Which Anki notes become which bank items (the rules both readers share)."""

from __future__ import annotations

import pytest

from quizapp.anki.notes import AnkiNote, item_id, pages_from_tags, to_item


def note(notetype: str, *fields: str, names: tuple[str, ...] = (), **more: object) -> AnkiNote:
    return AnkiNote(1, "g", notetype, fields, field_names=names, **more)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("anki", "expected"),
    [
        (note("Basic", "앞", "뒤"), {"type": "flashcard", "front": "앞", "back": "뒤"}),
        (
            note("Basic (optional reversed card)", "앞", "뒤", "y"),
            {"type": "flashcard", "front": "앞", "back": "뒤", "reverse": True},
        ),
        (
            note("Basic (optional reversed card)", "앞", "뒤", ""),
            {"type": "flashcard", "front": "앞", "back": "뒤"},
        ),
        (
            note("기본 (역방향 카드 추가)", "앞", "뒤", names=("앞면", "뒷면"), is_cloze=False),
            {"type": "flashcard", "front": "앞", "back": "뒤", "reverse": True},
        ),
        (
            note("My cloze", "{{c1::a}} b", "해설", names=("Text", "Back Extra"), is_cloze=True),
            {"type": "cloze", "text": "{{c1::a}} b", "explanation": "해설"},
        ),
        (note("", "{{c2::x::힌트}}"), {"type": "cloze", "text": "{{c2::x::힌트}}"}),
        (
            note("Basic", "a < b", "c", html=False),
            {"type": "flashcard", "front": "a < b", "back": "c"},
        ),
    ],
)
def test_note_types_become_items(anki: AnkiNote, expected: dict[str, object]) -> None:
    assert to_item(anki) == {"id": item_id("g"), **expected}


def test_other_note_types_and_bad_cloze_are_refused_with_a_reason() -> None:
    assert to_item(note("Image Occlusion", "a", "b", is_cloze=False)) == (
        "unknown note type 'Image Occlusion' (only Basic and Cloze notes are imported)"
    )
    assert "empty answer" in str(to_item(note("Cloze", "{{c1:: }} x")))


def test_page_tags_become_page_ranges() -> None:
    assert pages_from_tags(("p50", "P72", "p71", "p73", "loss", "p0", "page9")) == [50, "71-73"]
    assert item_id("abc") == item_id("abc") != item_id("abd")

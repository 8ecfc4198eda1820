"""Which Anki notes become which bank items (the rules both readers share)."""

from __future__ import annotations

import pytest

from quizapp.anki.notes import AnkiNote, Known, convert, item_id, pages_from_tags, to_item


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
    assert to_item(anki) == {"id": item_id("g"), **expected, "anki_guid": "g"}


def test_other_note_types_and_bad_cloze_are_refused_with_a_reason() -> None:
    assert to_item(note("Image Occlusion", "a", "b", is_cloze=False)) == (
        "unknown note type 'Image Occlusion' (only Basic and Cloze notes are imported)"
    )
    assert "empty answer" in str(to_item(note("Cloze", "{{c1:: }} x")))


def test_page_tags_become_page_ranges() -> None:
    assert pages_from_tags(("p50", "P72", "p71", "p73", "loss", "p0", "page9")) == [50, "71-73"]
    assert item_id("abc") == item_id("abc") != item_id("abd")


def test_a_made_up_guid_is_not_kept() -> None:
    """A .txt export without a GUID column: the id is derived from the content, and no
    GUID is written for a later export to claim."""
    item = to_item(note("Basic", "앞", "뒤", guid_known=False))
    assert isinstance(item, dict) and "anki_guid" not in item


def test_a_nested_cloze_is_refused_with_the_reason() -> None:
    assert to_item(note("Cloze", "{{c1::a {{c2::b}} c}}")) == (
        "a cloze deletion inside another one ({{c1::a {{c2::b}} c}}) is not supported"
    )


def test_lost_media_and_mathjax_are_warnings_naming_the_note() -> None:
    notes = [
        AnkiNote(3, "g1", "Basic", ('구조 <img src="cnn.png" alt="그림">', "뒤")),
        AnkiNote(4, "g2", "Basic", ("발음 [sound:adam.mp3]", r"\(x^2\) 와 \[y\]")),
        AnkiNote(5, "g3", "Cloze", ("{{c1::a}} {{c2::b}} {{c1::c}}", ""), is_cloze=True),
        AnkiNote(6, "g4", "Basic", ("평범한", "카드")),
    ]
    done = convert(notes)
    assert len(done.items) == 4
    assert [(w.line, w.reason) for w in done.warnings] == [
        (
            3,
            "note '구조': image cnn.png not imported (the bank holds no images; "
            "its alt text is kept)",
        ),
        (4, "note '발음': sound adam.mp3 not imported (the bank holds no audio)"),
        (4, r"note '발음': MathJax \(x^2\), \[y\] kept as text; quizapp shows it unrendered"),
        (
            5,
            "note '{{c1::a}} {{c2::b}} {{c1::c}}': Anki asks cloze numbers c1, c2 as 2 cards; "
            "quizapp asks its 2 blank groups together on one card",
        ),
    ]
    assert done.items[1]["back"] == r"\\(x^2\\) 와 \\[y\\]"


def test_notes_of_known_items_are_set_apart() -> None:
    known = Known({"g-bank": "tensor-what-is"}, frozenset({"tensor-what-is", "other-id"}))
    notes = [
        AnkiNote(1, "g-bank", "AI Essential Basic", ("a", "b", "", "tensor-what-is")),
        AnkiNote(2, "g-copy", "X", ("a", "b", "other-id"), field_names=("F", "B", "quizapp id")),
        AnkiNote(3, "g-new", "Basic", ("새", "카드")),
    ]
    done = convert(notes, known)
    assert [(e.note.line, e.item_id) for e in done.existing] == [
        (1, "tensor-what-is"),
        (2, "other-id"),
    ]
    assert [i["front"] for i in done.items] == ["새"]

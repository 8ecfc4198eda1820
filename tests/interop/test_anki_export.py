"""`quizapp export anki`: the bundled bank as an .apkg, read back from its SQLite collection."""

from __future__ import annotations

import re
import time
from pathlib import Path

import genanki
import pytest

from question_bank import Bank, Item, SyllabusEntry, overlaps, parse_pages_arg
from quizapp.anki.export import BEYOND_SCOPE, GUID_NAMESPACE, PARENT_DECK, syllabus_deck
from tests.helpers import quizapp
from tests.interop.anki_package import Package, read_package


def export(
    tmp_path: Path, *options: str, name: str = "deck.apkg", lang: str | None = "ko"
) -> Package:
    out = tmp_path / name
    chosen = ("--lang", lang) if lang else ()
    run = quizapp(*chosen, "export", "anki", out, *options)
    assert run.code == 0, run.err
    summary = "에 노트 " if lang == "ko" else "wrote "  # the summary follows --lang
    assert summary in run.out
    folder = tmp_path / f"{name}.read"
    folder.mkdir()
    return read_package(out, folder)


def guid(item: Item) -> str:
    return str(genanki.guid_for(GUID_NAMESPACE, item.id))


def test_every_written_item_and_flashcard_is_one_note_in_its_syllabus_deck(
    tmp_path: Path, bank: Bank
) -> None:
    package = export(tmp_path)
    items = bank.written + bank.flashcards
    assert len(package.notes) == len(items)
    notes = package.by_guid()
    assert set(notes) == {guid(i) for i in items}

    assert PARENT_DECK in package.decks
    number = {e.title: n for n, e in enumerate(bank.syllabus, start=1)}
    for item in items:
        note = notes[guid(item)]
        entries = [e for e in bank.syllabus if item.pages and overlaps(item.pages, e.pages)]
        if entries:
            title = entries[0].title
            assert note.deck == f"{PARENT_DECK}::{number[title]:02d} {title}", item.id
            assert title.replace(" ", "_") in note.tags
        else:
            beyond = f"{PARENT_DECK}::99 시험 범위 밖"
            assert note.deck == (f"{beyond}::{item.topic}" if item.topic else beyond), item.id
        assert note.fields[-1] == item.id  # the item id rides along in the last field
    used = {n.deck for n in package.notes}
    assert {syllabus_deck(n, e) for n, e in number_entries(bank)} >= used - {
        d for d in used if BEYOND_SCOPE in d
    }


def number_entries(bank: Bank) -> list[tuple[int, SyllabusEntry]]:
    return list(enumerate(bank.syllabus, start=1))


def test_deck_names_follow_the_syllabus_order_and_not_the_language(
    tmp_path: Path, bank: Bank
) -> None:
    korean = export(tmp_path, name="ko.apkg")
    english = export(tmp_path, name="en.apkg", lang="en")
    assert korean.decks == english.decks
    names = sorted(d for d in korean.decks if d.startswith(PARENT_DECK))
    chapters = [d for d in names if d.count("::") == 1]
    assert chapters[0] == f"{PARENT_DECK}::01 파이토치 텐서"
    assert [c.split("::")[1][3:] for c in chapters] == [e.title for e in bank.syllabus]
    beyond = [d for d in names if d.startswith(f"{PARENT_DECK}::{BEYOND_SCOPE}")]
    assert beyond and names[-len(beyond) :] == beyond  # sorted after every chapter
    assert {m["name"] for m in korean.models.values()} == {
        m["name"] for m in english.models.values()
    }


def test_cloze_note_type_styles_the_revealed_answer(tmp_path: Path) -> None:
    models = export(tmp_path, "--types", "cloze", "--pages", "50").models.values()
    cloze = next(m for m in models if m["type"] == genanki.Model.CLOZE)
    assert re.search(r"^\.cloze \{[^}]*font-weight: bold", cloze["css"], re.MULTILINE)


def test_unchanged_notes_keep_their_modification_time(tmp_path: Path) -> None:
    some = ("--pages", "17-26")
    first = export(tmp_path, *some, name="one.apkg")
    mods = {n.guid: n.mod for n in first.notes}
    time.sleep(1.1)  # a changed note must get a later second than the first export
    second_run = quizapp("--lang", "ko", "export", "anki", tmp_path / "two.apkg", *some)
    assert "새로 생기거나 바뀐 것 0개" in second_run.out
    second = read_package(tmp_path / "two.apkg", mkdir(tmp_path / "two.read"))
    assert {n.guid: n.mod for n in second.notes} == mods

    # an English export words written items differently: those notes change
    third_run = quizapp("--lang", "en", "export", "anki", tmp_path / "three.apkg", *some)
    third = read_package(tmp_path / "three.apkg", mkdir(tmp_path / "three.read"))
    changed = {n.guid for n in third.notes if n.mod != mods[n.guid]}
    assert changed and all(n.mod > mods[n.guid] for n in third.notes if n.guid in changed)
    assert f"{len(changed)} new or changed" in third_run.out


def mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def test_page_tags_expand_ranges_and_topic_is_a_tag(tmp_path: Path, bank: Bank) -> None:
    notes = export(tmp_path).by_guid()
    ranged = next(i for i in bank.written if i.pages and any(p.start < p.end for p in i.pages))
    expected = {f"p{n}" for p in ranged.pages or [] for n in range(p.start, p.end + 1)}
    tags = set(notes[guid(ranged)].tags)
    assert expected <= tags
    assert {t for t in tags if t.startswith("p") and t[1:].isdigit()} == expected
    if ranged.topic:
        assert ranged.topic.replace(" ", "_") in tags

    tensor = bank.items["tensor-what-is"]
    assert {"p18", "p20", "p23", "p26", "파이토치_텐서"} <= set(notes[guid(tensor)].tags)


def test_guids_and_deck_ids_are_the_same_on_every_export(tmp_path: Path) -> None:
    first = export(tmp_path, name="one.apkg")
    second = export(tmp_path, name="two.apkg")
    assert [n.guid for n in first.notes] == [n.guid for n in second.notes]
    assert first.decks == second.decks
    assert set(first.models) == set(second.models)
    for a, b in zip(first.notes, second.notes, strict=True):
        assert (a.deck, a.model["id"], a.tags) == (b.deck, b.model["id"], b.tags)


def test_note_types_cloze_reversed_and_written(tmp_path: Path, bank: Bank) -> None:
    notes = export(tmp_path).by_guid()
    for item in bank.written + bank.flashcards:
        note = notes[guid(item)]
        if item.type == "cloze":
            assert note.model["type"] == genanki.Model.CLOZE
            assert "{{c1::" in note.fields[0]
        elif item.type == "flashcard" and getattr(item, "reverse", False):
            assert note.model["type"] == genanki.Model.FRONT_BACK
            assert len(note.model["tmpls"]) == 2 and note.cards == 2
        else:
            assert note.model["type"] == genanki.Model.FRONT_BACK
            assert len(note.model["tmpls"]) == 1 and note.cards == 1

    single = bank.items["tensor-what-is"]
    front, back, extra, _ = notes[guid(single)].fields
    assert all(f"<li>{choice}</li>" in front for choice in single.choices)  # type: ignore[union-attr]
    assert "정답" in back and single.answer in back  # type: ignore[union-attr]
    assert "해설" in extra and "교재 쪽 18, 20, 23, 26" in extra

    # a blank with alternatives shows its first one; the others are named on the back
    lenient = bank.items["loss-objective-cloze"]
    text, back_extra, _ = notes[guid(lenient)].fields
    assert "{{c1::목적::한 단어}}" in text and "|" not in text
    assert "다른 정답: 비용, objective, cost" in back_extra


def test_markdown_becomes_html_with_code_blocks_monospaced(tmp_path: Path) -> None:
    package = export(tmp_path)
    with_code = [n for n in package.notes if '<pre><code class="language-python">' in n.fields[0]]
    assert with_code
    assert any("<strong>" in f for n in package.notes for f in n.fields)
    assert all("**" not in n.fields[0] for n in package.notes)
    for model in package.models.values():
        if model["name"].startswith(PARENT_DECK):
            assert "monospace" in model["css"]


def _expected(bank: Bank, keep: object) -> set[str]:
    return {guid(i) for i in bank.written + bank.flashcards if keep(i)}  # type: ignore[operator]


def test_pages_option_keeps_items_on_those_pages(tmp_path: Path, bank: Bank) -> None:
    pages = parse_pages_arg("17-26,50")
    package = export(tmp_path, "--pages", "17-26,50")
    assert set(package.by_guid()) == _expected(
        bank, lambda i: bool(i.pages) and overlaps(i.pages, pages)
    )
    assert {n.deck for n in package.notes} == {
        f"{PARENT_DECK}::01 파이토치 텐서",
        f"{PARENT_DECK}::{number_of(bank, '손실함수'):02d} 손실함수",
    }


def number_of(bank: Bank, title: str) -> int:
    return next(n for n, e in number_entries(bank) if e.title == title)


def test_topic_and_types_options_filter(tmp_path: Path, bank: Bank) -> None:
    by_topic = export(tmp_path, "--topic", "손실함수", name="topic.apkg")
    assert set(by_topic.by_guid()) == _expected(bank, lambda i: i.topic == "손실함수")

    cloze = export(tmp_path, "--types", "cloze", name="cloze.apkg")
    assert set(cloze.by_guid()) == _expected(bank, lambda i: i.type == "cloze")
    assert {n.model["type"] for n in cloze.notes} == {genanki.Model.CLOZE}

    mixed = export(tmp_path, "--types", "flashcard,true_false", name="mixed.apkg")
    assert set(mixed.by_guid()) == _expected(bank, lambda i: i.type in ("flashcard", "true_false"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--types", "task"], "--types: unknown type 'task'"),
        (["--pages", "26-17"], "--pages: page range '26-17' is reversed"),
        (["--types", "essay"], "--types: unknown type 'essay'"),
    ],
)
def test_bad_options_are_one_line_usage_errors(
    tmp_path: Path, args: list[str], message: str
) -> None:
    run = quizapp("export", "anki", tmp_path / "x.apkg", *args)
    assert run.code == 2
    assert run.err.count("\n") == 1 and message in run.err
    assert not (tmp_path / "x.apkg").exists()


def test_bad_output_paths_and_empty_selections(tmp_path: Path) -> None:
    missing = quizapp("export", "anki", tmp_path / "no" / "x.apkg")
    assert missing.code == 2 and missing.err.count("\n") == 1 and "does not exist" in missing.err
    suffix = quizapp("export", "anki", tmp_path / "x.zip")
    assert suffix.code == 2 and "ends in .apkg" in suffix.err
    nothing = quizapp("export", "anki", tmp_path / "x.apkg", "--topic", "없는 주제")
    assert nothing.code == 1 and nothing.err.count("\n") == 1
    assert "Traceback" not in missing.err + suffix.err + nothing.err
    assert not (tmp_path / "x.apkg").exists()

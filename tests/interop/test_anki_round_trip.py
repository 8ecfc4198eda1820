"""Both directions through the real Anki: the official ``anki`` library (the backend
of the desktop app) imports what `quizapp export anki` writes, studies it, exports
it in its current default format, and `quizapp import anki` reads that back."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportLogWithChanges,
)
from markdown_it import MarkdownIt

from question_bank import Cloze, load_bank
from question_bank.answers.check import check_answer
from quizapp.anki.export import PARENT_DECK
from tests.helpers import Run, quizapp


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    folder = tmp_path / "anki-profile"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    yield col
    if col.db is not None:
        col.close()


def into_anki(col: Collection, package: Path) -> ImportLogWithChanges.Log:
    options = ImportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False)
    request = ImportAnkiPackageRequest(package_path=str(package), options=options)
    return col.import_anki_package(request).log


def out_of_anki(col: Collection, package: Path) -> Path:
    """Anki's File > Export > Anki Deck Package with its defaults (not "older versions")."""
    options = ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=True, with_media=True, legacy=False
    )
    col.export_anki_package(out_path=str(package), options=options, limit=None)
    return package


def export(
    package: Path, *options: str, bank: Path | None = None, env: dict[str, str] | None = None
) -> Run:
    loaded = ("--bank", bank) if bank is not None else ()
    run = quizapp(*loaded, "export", "anki", package, *options, env=env)
    assert run.code == 0, run.err
    return run


def import_anki(source: Path, out: Path, *options: str) -> Run:
    return quizapp("import", "anki", source, "--out", out, *options)


def bank_size(*banks: Path) -> int:
    options = [arg for bank in banks for arg in ("--bank", str(bank))]
    run = quizapp(*options, "bank", "stats", "--json")
    assert run.code == 0, run.err
    stats: dict[str, Any] = json.loads(run.out)
    return int(stats["written"]) + int(stats["flashcards"])


def test_the_bundled_bank_round_trips_through_anki_without_duplicates(
    tmp_path: Path, collection: Collection
) -> None:
    exported = tmp_path / "bank.apkg"
    notes = int(export(exported).out.split()[1])
    first = into_anki(collection, exported)
    assert len(first.new) == notes == collection.note_count()

    # a student studies: the first new card comes from the first syllabus chapter
    collection.decks.select(collection.decks.id_for_name(PARENT_DECK) or 0)
    card = collection.sched.getCard()
    assert card is not None
    assert collection.decks.name(card.did).startswith(f"{PARENT_DECK}::01 ")
    collection.sched.answerCard(card, 3)

    # an unchanged export is "unchanged" to Anki, and keeps an edit made in Anki
    note = collection.get_note(card.nid)
    note.fields[0] += " (내 메모)"
    collection.update_note(note)
    unchanged = tmp_path / "again.apkg"
    export(unchanged)
    again = into_anki(collection, unchanged)
    assert (len(again.new), len(again.updated), len(again.duplicate)) == (0, 0, notes)
    assert collection.get_note(card.nid).fields[0].endswith(" (내 메모)")
    assert collection.note_count() == notes

    back = out_of_anki(collection, tmp_path / "from-anki.apkg")
    with zipfile.ZipFile(back) as archive:
        assert "collection.anki21b" in archive.namelist()  # Anki's current default format
    before = bank_size()
    bank = tmp_path / "mybank"
    run = import_anki(back, bank / "items" / "back.yaml")
    assert run.code == 0, run.err
    assert run.out.startswith(f"{back}: no new note; skipped {notes} notes already in the bank")
    assert "1 changed in Anki: pass --update" in run.out
    assert not (bank / "items" / "back.yaml").exists()
    assert bank_size() == before

    review = import_anki(back, bank / "items" / "back.yaml", "--update")
    assert review.code == 0, review.err
    diff = (bank / "items" / "back.changes.diff").read_text(encoding="utf-8")
    assert diff.count("\n+++ ") + diff.startswith("+++ ") == 1
    assert re.search(r"^\+.*\(내 메모\)$", diff, re.MULTILINE)


def _student_collection(col: Collection) -> dict[str, int]:
    """A student's own deck: every case the import has to keep literal or warn about."""
    deck = col.decks.id("내 노트", create=True)
    assert deck is not None
    basic = col.models.by_name("Basic")
    cloze = col.models.by_name("Cloze")
    assert basic is not None and cloze is not None
    notes = {
        "init": (basic, ["__init__ 은 언제 불리나?", "객체를 만들 때<div># 주석도 글자</div>"]),
        "code": (
            basic,
            [
                "a_b_c 를 두 배로",
                "<div>def double(x):</div><div>&nbsp;&nbsp;&nbsp;&nbsp;return x * 2</div>",
            ],
        ),
        "bold": (cloze, ["{{c1::<b>Adam</b>}} 은 모멘텀을 쓰는 옵티마이저다", ""]),
        "pipe": (cloze, ["텐서의 비트 OR 는 {{c1::a | b}} 로 쓴다", ""]),
        "two": (cloze, ["{{c1::Conv2d}} 다음에 {{c2::ReLU}} 를 둔다", ""]),
        "image": (basic, ['CNN 구조 <img src="cnn.png">', "합성곱, 풀링, 완전연결"]),
        "sound": (basic, ["Adam 발음 [sound:adam.mp3]", "아담"]),
        "mathjax": (basic, ["소프트맥스", r"\(\frac{e^{x_i}}{\sum_j e^{x_j}}\)"]),
        "table": (
            basic,
            ["활성화 함수 표", "<table><tr><td>ReLU</td><td>max(0, x)</td></tr></table>"],
        ),
        "nested": (cloze, ["{{c1::바깥 {{c2::안쪽}} 끝}}", ""]),
    }
    ids: dict[str, int] = {}
    for key, (notetype, fields) in notes.items():
        note = col.new_note(notetype)
        for index, value in enumerate(fields):
            note.fields[index] = value
        note.tags = ["p137"] if key == "two" else []
        col.add_note(note, deck)
        ids[key] = note.id
    col.media.write_data("cnn.png", b"\x89PNG\r\n\x1a\n")
    return ids


def test_a_students_notes_come_through_literal_and_go_back_without_copies(
    tmp_path: Path, collection: Collection
) -> None:
    ids = _student_collection(collection)
    started = collection.note_count()
    package = out_of_anki(collection, tmp_path / "student.apkg")
    order = {nid: line for line, nid in enumerate(sorted(ids.values()), start=1)}
    line = {key: order[nid] for key, nid in ids.items()}

    bank = tmp_path / "mybank"
    out = bank / "items" / "mine.yaml"
    run = import_anki(package, out)
    assert run.code == 0, run.err
    assert run.out.startswith(f"wrote 9 items (6 flashcards, 3 cloze) to {out}")
    errors = run.err.splitlines()
    assert f"{package}:{line['nested']}: a cloze deletion inside another one" in run.err
    for key, word in [
        ("image", "image cnn.png"),
        ("sound", "sound adam.mp3"),
        ("mathjax", "MathJax"),
    ]:
        found = [e for e in errors if e.startswith(f"{package}:{line[key]}: note ")]
        assert len(found) == 1 and word in found[0], (key, errors)
    assert any(e.startswith(f"{package}:{line['two']}: ") and "c1, c2" in e for e in errors)
    assert len(errors) == 5

    check = quizapp("--bank", bank, "bank", "check")
    assert check.code == 0, check.out + check.err
    guids = {nid: collection.get_note(nid).guid for nid in ids.values()}
    items = yaml.safe_load(out.read_text(encoding="utf-8"))["items"]
    by_guid = {item["anki_guid"]: item for item in items}
    assert set(by_guid) == {guids[ids[k]] for k in ids if k != "nested"}

    def item(key: str) -> dict[str, Any]:
        return by_guid[guids[ids[key]]]

    gfm = MarkdownIt("gfm-like")  # as Textual's Markdown widget reads the text
    init = gfm.render(item("init")["front"]) + gfm.render(item("init")["back"])
    assert "__init__ 은 언제 불리나?" in init and "# 주석도 글자" in init
    assert "<strong>" not in init and "<h1>" not in init
    code = gfm.render(item("code")["back"])
    assert "\xa0" * 4 + "return x * 2" in code and "<em>" not in code
    assert "a_b_c" in gfm.render(item("code")["front"])
    assert "| ReLU | max(0, x) |" in item("table")["back"]
    assert item("mathjax")["back"] == r"\\(\\frac{e^{x_i}}{\\sum_j e^{x_j}}\\)"
    assert r"\(\frac{e^{x_i}}{\sum_j e^{x_j}}\)" in gfm.render(item("mathjax")["back"])

    loaded = load_bank([bank]).items
    bold, pipe, two = (loaded[item(k)["id"]] for k in ("bold", "pipe", "two"))
    assert isinstance(bold, Cloze) and isinstance(pipe, Cloze) and isinstance(two, Cloze)
    assert check_answer(bold, ["Adam"])
    assert [b.answers for b in pipe.blanks] == [("a | b",)]
    assert check_answer(pipe, ["a | b"]) and not check_answer(pipe, ["a"])
    assert [b.number for b in two.blanks] == [1, 2] and two.pages is not None

    # the same notes through Anki's two other exports read the same
    legacy = tmp_path / "student-legacy.apkg"
    options = ExportAnkiPackageOptions(legacy=True)
    collection.export_anki_package(out_path=str(legacy), options=options, limit=None)
    text = tmp_path / "student.txt"
    collection.export_note_csv(
        out_path=str(text),
        limit=None,
        with_html=True,
        with_tags=True,
        with_deck=True,
        with_notetype=True,
        with_guid=True,
    )
    for other in (legacy, text):
        copy = tmp_path / "other" / f"{other.suffix[1:]}.yaml"
        assert import_anki(other, copy).code == 0
        again_items = yaml.safe_load(copy.read_text(encoding="utf-8"))["items"]
        assert sorted(again_items, key=str) == sorted(items, key=str), other

    # back to Anki: the same notes, updated in place rather than copied
    again = tmp_path / "mine.apkg"
    export(again, "--topic", "내 노트", bank=bank)
    log = into_anki(collection, again)
    assert len(log.new) == 0
    assert collection.note_count() == started == 10


def test_deck_names_sort_in_syllabus_order_whatever_the_language(
    tmp_path: Path, collection: Collection
) -> None:
    english = export(tmp_path / "en.apkg", env={"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    korean = quizapp("--lang", "ko", "export", "anki", tmp_path / "ko.apkg")
    en_counts = re.search(r"wrote (\d+) notes in (\d+) decks", english.out)
    ko_counts = re.search(r"노트 (\d+)개를 덱 (\d+)개로", korean.out)  # the summary follows --lang
    assert en_counts and ko_counts and en_counts.groups() == ko_counts.groups()
    into_anki(collection, tmp_path / "en.apkg")
    names_en = sorted(n.name for n in collection.decks.all_names_and_ids())
    log = into_anki(collection, tmp_path / "ko.apkg")
    assert len(log.new) == 0
    names = sorted(n.name for n in collection.decks.all_names_and_ids())
    assert names == names_en  # no deck left behind under another language's name

    chapters = [n for n in names if n.startswith(f"{PARENT_DECK}::") and n.count("::") == 1]
    titles = [e.title for e in load_bank().syllabus]
    numbered = [f"{PARENT_DECK}::{i:02d} {t}" for i, t in enumerate(titles, start=1)]
    assert [n for n in chapters if n in numbered] == numbered  # Anki's order is the syllabus's
    assert chapters[-1] == f"{PARENT_DECK}::99 시험 범위 밖"

    cloze = collection.models.by_name("AI Essential Cloze")
    assert cloze is not None and ".cloze {" in cloze["css"]

"""`quizapp import anki`: Anki's plain-text export and .apkg packages into a bank items file
that `bank check` accepts and whose cards `bank stats` counts."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import genanki
import yaml

from quizapp.anki.export import write_package
from tests.helpers import Run, quizapp

HEADER = (
    "#separator:tab\n"
    "#html:true\n"
    "#guid column:1\n"
    "#notetype column:2\n"
    "#deck column:3\n"
    "#tags column:6\n"
)
ROWS = [
    # line 7
    "a1b2c3\tBasic\tAI Essential::손실함수\tBCELoss의 입력은?\t"
    "시그모이드를 거친 <b>확률</b><br>0~1 사이\t손실함수 p50",
    # line 8
    "d4e5f6\tBasic (and reversed card)\tDefault\t<div>CrossEntropyLoss</div>\t"
    "<div>로짓을 받는다</div><div>&lt;softmax 포함&gt;&nbsp;</div>\tp71 p72 p73 loss",
    # lines 9-10: a quoted field with a line break inside <pre>
    "g7h8i9\tCloze\tAI Essential::데이터로더\t"
    "DataLoader의 {{c1::batch_size}} 인자는 한 번에 묶는 샘플 수다.\t"
    '"<pre><code class=""language-python"">DataLoader(ds, batch_size=32)\nnext(iter(dl))</code></pre>"\tp71',
    # lines 11-12: a quoted field with a line break and doubled quotes
    'j1k2l3\tBasic\tAI Essential\t"<i>view</i>와 ""reshape""의 차이"\t"첫 줄\n둘째 줄"\t',
    # line 13
    "m4n5o6\tVocab\tDefault\tword\tmeaning\t",
    # line 14
    "p7q8r9\tBasic\tDefault\t앞면만 있다\t\tp50",
    # line 15
    "s1t2u3\tCloze\tDefault\t빈칸이 없는 문장\t\t",
]


def plain_text(tmp_path: Path, body: str = HEADER + "\n".join(ROWS) + "\n") -> Path:
    path = tmp_path / "notes.txt"
    path.write_text(body, encoding="utf-8")
    return path


def bank_dir(tmp_path: Path) -> Path:
    return tmp_path / "mybank"


def import_anki(source: Path, out: Path, *more: str, bank: Path | None = None) -> Run:
    loaded = ("--bank", bank) if bank is not None else ()
    return quizapp(*loaded, "import", "anki", source, "--out", out, *more)


def read_items(path: Path) -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {item["id"]: item for item in data["items"]}


def stats(*banks: Path) -> dict[str, Any]:
    options = [arg for bank in banks for arg in ("--bank", str(bank))]
    run = quizapp(*options, "bank", "stats", "--json")
    assert run.code == 0, run.err
    result: dict[str, Any] = json.loads(run.out)
    return result


def entry(stats_json: dict[str, Any], title: str) -> dict[str, Any]:
    found: dict[str, Any] = next(e for e in stats_json["syllabus"] if e["title"] == title)
    return found


def test_plain_text_export_imports_into_a_bank_that_checks(tmp_path: Path) -> None:
    source, bank = plain_text(tmp_path), bank_dir(tmp_path)
    out = bank / "items" / "anki.yaml"
    run = import_anki(source, out)
    assert run.code == 0, run.err
    assert run.out.startswith(f"wrote 4 items (3 flashcards, 1 cloze) to {out}")
    assert run.err.splitlines() == [
        f"{source}:13: unknown note type 'Vocab' (only Basic and Cloze notes are imported)",
        f"{source}:14: empty field 'Back'",
        f"{source}:15: cloze text has no deletions; mark each blank as {{{{c1::answer}}}}",
    ]

    check = quizapp("--bank", bank, "bank", "check")
    assert check.code == 0, check.out + check.err
    assert check.out.startswith("ok: 2 bank folders")

    items = list(read_items(out).values())
    assert [i["type"] for i in items] == ["flashcard", "flashcard", "cloze", "flashcard"]
    bce, ce, cloze, view = items
    assert bce["front"] == "BCELoss의 입력은?"
    assert bce["back"] == "시그모이드를 거친 **확률**\\\n0~1 사이"
    assert (bce["pages"], bce["topic"], bce["tags"]) == ([50], "손실함수", ["손실함수"])
    assert ce["reverse"] is True
    assert ce["back"] == "로짓을 받는다\\\n\\<softmax 포함>"
    assert (ce["pages"], ce["tags"]) == (["71-73"], ["loss"])
    assert "topic" not in ce  # the Default deck is no topic
    assert cloze["text"] == "DataLoader의 {{c1::batch_size}} 인자는 한 번에 묶는 샘플 수다."
    assert cloze["explanation"] == "```python\nDataLoader(ds, batch_size=32)\nnext(iter(dl))\n```"
    assert view["front"] == '*view*와 "reshape"의 차이'
    assert view["topic"] == "AI Essential" and "pages" not in view
    assert all(i["id"].startswith("anki-") for i in items)


def test_imported_cards_appear_in_bank_stats(tmp_path: Path) -> None:
    bank = bank_dir(tmp_path)
    assert import_anki(plain_text(tmp_path), bank / "items" / "anki.yaml").code == 0
    before, after = stats(), stats(bank)
    assert after["flashcards"] == before["flashcards"] + 3
    assert after["written"] == before["written"] + 1
    assert entry(after, "손실함수")["flashcards"] == entry(before, "손실함수")["flashcards"] + 1
    loader = (entry(before, "데이터로더"), entry(after, "데이터로더"))
    assert loader[1]["flashcards"] == loader[0]["flashcards"] + 1
    assert loader[1]["written"] == loader[0]["written"] + 1


def test_ids_come_from_the_guids_and_stay_the_same(tmp_path: Path) -> None:
    source, bank = plain_text(tmp_path), bank_dir(tmp_path)
    first, second = bank / "items" / "one.yaml", tmp_path / "two.yaml"
    assert import_anki(source, first).code == 0
    reordered = HEADER + "\n".join([ROWS[2], ROWS[0], ROWS[1]]) + "\n"
    assert import_anki(plain_text(tmp_path, reordered), second).code == 0
    assert set(read_items(second)) < set(read_items(first))

    again = import_anki(source, first)
    assert again.code == 2 and "--force" in again.err and again.err.count("\n") == 1
    forced = import_anki(source, first, "--force")
    assert forced.code == 0


def test_a_file_without_headers_is_read_as_anki_wrote_it_before(tmp_path: Path) -> None:
    source = plain_text(tmp_path, "앞\t뒤\n{{c1::빈칸}} 문장\t\n")
    out = bank_dir(tmp_path) / "items" / "old.yaml"
    run = import_anki(source, out)
    assert run.code == 0, run.err
    assert run.err.startswith(f"{source}:1: no '#separator:' header")
    assert [i["type"] for i in read_items(out).values()] == ["flashcard", "cloze"]


def small_package(path: Path) -> Path:
    vocab = genanki.Model(
        1234567,
        "Vocab",
        fields=[{"name": "Word"}, {"name": "Meaning"}],
        templates=[{"name": "Card 1", "qfmt": "{{Word}}", "afmt": "{{Meaning}}"}],
    )
    deck = genanki.Deck(2059400110, "Test::손실함수")
    basic, reversed_, cloze = (
        genanki.BASIC_MODEL,
        genanki.BASIC_AND_REVERSED_CARD_MODEL,
        genanki.CLOZE_MODEL,
    )
    notes = [
        genanki.Note(basic, ["MSELoss", "평균 제곱 오차"], tags=["p50"], guid="n1"),
        genanki.Note(reversed_, ["<b>L1</b>", "절댓값 오차"], guid="n2"),
        genanki.Note(
            cloze, ["{{c1::nn.MSELoss}}는 회귀 손실이다", "p.50"], tags=["p50"], guid="n3"
        ),
        genanki.Note(vocab, ["loss", "손실"], guid="n4"),
        genanki.Note(basic, ["", "앞면이 비었다"], guid="n5"),
    ]
    for note in notes:
        deck.add_note(note)
    write_package([deck], path)
    return path


def test_an_apkg_imports_basic_reversed_and_cloze_notes(tmp_path: Path) -> None:
    source = small_package(tmp_path / "small.apkg")
    bank = bank_dir(tmp_path)
    out = bank / "items" / "small.yaml"
    run = import_anki(source, out)
    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        f"{source}:4: unknown note type 'Vocab' (only Basic and Cloze notes are imported)",
        f"{source}:5: empty field 'Front'",
    ]
    items = list(read_items(out).values())
    assert [(i["type"], i.get("reverse", False)) for i in items] == [
        ("flashcard", False),
        ("flashcard", True),
        ("cloze", False),
    ]
    assert items[1]["front"] == "**L1**"
    assert items[2]["explanation"] == "p.50"
    assert all(i["topic"] == "손실함수" for i in items)

    check = quizapp("--bank", bank, "bank", "check")
    assert check.code == 0, check.out + check.err
    before, after = stats(), stats(bank)
    assert entry(after, "손실함수")["flashcards"] == entry(before, "손실함수")["flashcards"] + 1
    assert entry(after, "손실함수")["written"] == entry(before, "손실함수")["written"] + 1
    assert after["beyond_scope"] != before["beyond_scope"]  # the card without pages


def test_the_bundled_export_comes_back_as_the_items_it_was(tmp_path: Path) -> None:
    package = tmp_path / "all.apkg"
    exported = quizapp("export", "anki", package)
    assert exported.code == 0, exported.err
    notes = int(exported.out.split()[1])
    bank = bank_dir(tmp_path)
    out = bank / "items" / "all.yaml"
    run = import_anki(package, out)
    assert run.code == 0, run.err
    assert run.err == ""
    assert run.out == f"{package}: no new note; skipped {notes} notes already in the bank\n"
    assert not out.exists()


def test_a_copied_note_is_known_by_its_id_field(tmp_path: Path) -> None:
    """A note whose GUID changed (copied, or re-created by a tool) still names its item."""
    from quizapp.anki.export import BASIC

    deck = genanki.Deck(2059400111, "AI Essential::복사")
    deck.add_note(genanki.Note(BASIC, ["새 앞면", "새 뒷면", "", "tensor-what-is"], guid="copy1"))
    deck.add_note(genanki.Note(BASIC, ["내 카드", "뒷면", "", "no-such-item"], guid="mine1"))
    package = tmp_path / "copied.apkg"
    write_package([deck], package)
    out = bank_dir(tmp_path) / "items" / "copied.yaml"
    run = import_anki(package, out, "--update")
    assert run.code == 0, run.err
    assert "skipped 1 note already in the bank (1 changed in Anki: review" in run.out
    assert [i["front"] for i in read_items(out).values()] == ["내 카드"]
    diff = out.with_suffix(".changes.diff").read_text(encoding="utf-8")
    assert "(item tensor-what-is)" in diff and "+새 앞면" in diff


def test_reimporting_into_the_same_file_replaces_its_items(tmp_path: Path) -> None:
    """--force over a file of the loaded bank: its own items are imported again, not
    skipped as already there (which would leave the file without them)."""
    source, bank = plain_text(tmp_path), bank_dir(tmp_path)
    out = bank / "items" / "anki.yaml"
    assert import_anki(source, out).code == 0
    first = read_items(out)
    again = import_anki(source, out, "--force", bank=bank)
    assert again.code == 0, again.err
    assert read_items(out) == first
    other = import_anki(source, bank / "items" / "other.yaml", bank=bank)
    assert other.code == 0 and "no new note; skipped 4 notes" in other.out


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _compressed(data: bytes) -> bytes:
    import zstandard

    return zstandard.ZstdCompressor().compress(data)


def _not_a_collection(tmp_path: Path) -> bytes:
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    return db.read_bytes()


def test_unreadable_files_are_one_line_errors(tmp_path: Path) -> None:
    out = bank_dir(tmp_path) / "items" / "x.yaml"
    text = tmp_path / "text.apkg"
    text.write_text("hello", encoding="utf-8")
    cases = {
        text: "not a zip file",
        _zip(tmp_path / "empty.apkg", {"media": b"{}"}): "no collection.anki2",
        _zip(tmp_path / "new.apkg", {"collection.anki21b": b"\x28\xb5\x2f\xfd"}): (
            "not an Anki package (collection.anki21b is cut short)"
        ),
        _zip(tmp_path / "newer.apkg", {"collection.anki21b": _compressed(b"SQLite" * 100)}): (
            "not an Anki collection"
        ),
        _zip(tmp_path / "future.apkg", {"meta": b"\x08\x04", "collection.anki2": b""}): (
            "made by a newer Anki (package version 4)"
        ),
        _zip(tmp_path / "garbage.apkg", {"collection.anki2": b"not sqlite at all" * 100}): (
            "not an Anki collection"
        ),
        _zip(tmp_path / "other.apkg", {"collection.anki2": _not_a_collection(tmp_path)}): (
            "not an Anki collection"
        ),
        plain_text(tmp_path, "#separator:weird\n"): "unknown separator 'weird'",
        tmp_path / "missing.txt": "no such file",
        tmp_path / "text.apkg.bak": "expected Anki's plain-text export",
    }
    (tmp_path / "latin1.txt").write_bytes("#separator:tab\ncaf\xe9\tx\n".encode("latin-1"))
    cases[tmp_path / "latin1.txt"] = "not UTF-8"
    (tmp_path / "text.apkg.bak").write_text("x", encoding="utf-8")
    for source, message in cases.items():
        run = import_anki(source, out)
        assert run.code == 2, (source, run.err)
        assert run.err.count("\n") == 1 and message in run.err, run.err
        assert "Traceback" not in run.err
    assert not out.exists()

    wrong_out = import_anki(plain_text(tmp_path), tmp_path / "items.json")
    assert wrong_out.code == 2 and "ends in .yaml" in wrong_out.err


def test_a_file_with_no_importable_note_writes_nothing(tmp_path: Path) -> None:
    source = plain_text(tmp_path, HEADER + ROWS[4] + "\n")
    out = bank_dir(tmp_path) / "items" / "x.yaml"
    run = import_anki(source, out)
    assert run.code == 1
    assert run.err.splitlines() == [
        f"{source}:7: unknown note type 'Vocab' (only Basic and Cloze notes are imported)",
        f"{source}: no note could be imported; nothing written",
    ]
    assert not out.exists()

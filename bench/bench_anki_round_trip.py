"""Note and item counts before and after each round trip through the real Anki backend
(the official `anki` package, a test dependency), and how long each step takes.

1. bank → Anki → bank: the bundled bank exported, imported into a fresh collection,
   one card studied, exported in Anki's default format, imported by quizapp.
2. bank → Anki again: an unchanged second export imported into the same collection.
3. Anki → bank → Anki: a student's own notes exported, imported by quizapp, exported
   by quizapp and imported into the collection they came from.

Run: `python bench/bench_anki_round_trip.py`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)


def quizapp(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZAPP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "quizapp", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def bank_items(home: Path, *banks: Path) -> int:
    options = [arg for bank in banks for arg in ("--bank", str(bank))]
    stats = json.loads(quizapp(*options, "bank", "stats", "--json", home=home).stdout)
    return int(stats["written"]) + int(stats["flashcards"])


def into_anki(col: Collection, package: Path) -> tuple[int, int, int, int]:
    options = ImportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False)
    log = col.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(package), options=options)
    ).log
    return len(log.new), len(log.updated), len(log.duplicate), len(log.conflicting)


def out_of_anki(col: Collection, package: Path) -> Path:
    options = ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=True, with_media=True, legacy=False
    )
    col.export_anki_package(out_path=str(package), options=options, limit=None)
    return package


def first_line(run: subprocess.CompletedProcess[str]) -> str:
    return (run.stdout or run.stderr).strip().splitlines()[0]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-anki-") as tmp_name:
        tmp = Path(tmp_name)
        home = tmp / "home"
        col = Collection(str(tmp / "collection.anki2"))

        print("== 1. bank -> Anki -> bank (bundled bank)")
        before = bank_items(home)
        start = time.perf_counter()
        run = quizapp("export", "anki", tmp / "bank.apkg", home=home)
        print(f"quizapp export: {first_line(run)} ({time.perf_counter() - start:.1f} s)")
        new, updated, same, conflicting = into_anki(col, tmp / "bank.apkg")
        print(
            f"Anki import: {new} new notes; collection {col.note_count()} notes, "
            f"{col.card_count()} cards"
        )
        col.decks.select(col.decks.id_for_name("AI Essential") or 0)
        card = col.sched.getCard()
        if card is not None:
            print(f"studied: the first new card is in {col.decks.name(card.did)!r}")
            col.sched.answerCard(card, 3)
        out_of_anki(col, tmp / "from-anki.apkg")
        start = time.perf_counter()
        run = quizapp(
            "import",
            "anki",
            tmp / "from-anki.apkg",
            "--out",
            tmp / "b" / "items" / "x.yaml",
            home=home,
        )
        print(f"quizapp import: {first_line(run)} ({time.perf_counter() - start:.1f} s)")
        print(f"bank items before {before}, after {bank_items(home)}")

        print("== 2. bank -> Anki again (unchanged export)")
        run = quizapp("export", "anki", tmp / "again.apkg", home=home)
        print(f"quizapp export: {first_line(run)}")
        notes = col.note_count()
        new, updated, same, conflicting = into_anki(col, tmp / "again.apkg")
        print(
            f"Anki import: {new} new, {updated} updated, {same} unchanged; "
            f"notes before {notes}, after {col.note_count()}"
        )
        col.close()

        print("== 3. Anki -> bank -> Anki (a student's own notes)")
        (tmp / "own").mkdir()
        own = Collection(str(tmp / "own" / "collection.anki2"))
        deck = own.decks.id("내 노트", create=True) or 0
        basic, cloze = own.models.by_name("Basic"), own.models.by_name("Cloze")
        assert basic is not None and cloze is not None
        for notetype, fields in [
            (basic, ["__init__ 은 언제 불리나?", "객체를 만들 때<div># 주석</div>"]),
            (
                basic,
                ["두 배", "<div>def f(x):</div><div>&nbsp;&nbsp;&nbsp;&nbsp;return x * 2</div>"],
            ),
            (cloze, ["{{c1::<b>Adam</b>}} 옵티마이저", ""]),
            (cloze, ["비트 OR 는 {{c1::a | b}}", ""]),
            (cloze, ["{{c1::Conv2d}} 다음 {{c2::ReLU}}", ""]),
            (basic, ['CNN <img src="cnn.png">', "구조"]),
            (basic, ["발음 [sound:adam.mp3]", "아담"]),
            (basic, ["소프트맥스", r"\(\frac{e^{x_i}}{\sum_j e^{x_j}}\)"]),
            (basic, ["표", "<table><tr><td>ReLU</td><td>max(0, x)</td></tr></table>"]),
            (cloze, ["{{c1::바깥 {{c2::안쪽}}}}", ""]),
            (basic, ["a_b_c", "변수 이름"]),
        ]:
            note = own.new_note(notetype)
            for index, value in enumerate(fields):
                note.fields[index] = value
            own.add_note(note, deck)
        notes = own.note_count()
        out_of_anki(own, tmp / "own.apkg")
        bank = tmp / "mybank"
        run = quizapp(
            "import", "anki", tmp / "own.apkg", "--out", bank / "items" / "own.yaml", home=home
        )
        warnings = len(run.stderr.strip().splitlines())
        print(f"quizapp import: {first_line(run)} ({warnings} warning lines)")
        run = quizapp(
            "--bank", bank, "export", "anki", tmp / "own-back.apkg", "--topic", "내 노트", home=home
        )
        print(f"quizapp export: {first_line(run)}")
        new, updated, same, conflicting = into_anki(own, tmp / "own-back.apkg")
        print(
            f"Anki import: {new} new, {updated} updated, {same} unchanged, "
            f"{conflicting} with another note type; notes before {notes}, "
            f"after {own.note_count()}"
        )
        own.close()


if __name__ == "__main__":
    main()

"""The bank cache saves time and never serves a stale or broken bank."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from question_bank.cache import load_banks_cached

MakeBank = Callable[..., Path]

ITEM = "items:\n  - id: mine\n    type: flashcard\n    front: {front}\n    back: 뒷면\n"


def test_an_unchanged_bank_is_served_from_the_cache(make_bank: MakeBank, tmp_path: Path) -> None:
    bank_dir = make_bank({"items/a.yaml": ITEM.format(front="앞면")})
    cache = tmp_path / "cache"
    first, problems = load_banks_cached([bank_dir], cache)
    assert problems == []
    assert len(list(cache.glob("bank-*.pickle"))) == 1
    second, _ = load_banks_cached([bank_dir], cache)
    assert second.items["mine"].front == "앞면"  # type: ignore[union-attr]
    assert second is not first and set(second.items) == set(first.items)


def test_an_edit_invalidates_the_cache(make_bank: MakeBank, tmp_path: Path) -> None:
    bank_dir = make_bank({"items/a.yaml": ITEM.format(front="앞면")})
    cache = tmp_path / "cache"
    load_banks_cached([bank_dir], cache)
    path = bank_dir / "items/a.yaml"
    path.write_text(ITEM.format(front="바뀐 앞면"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # even with an old timestamp, the size differs
    bank, _ = load_banks_cached([bank_dir], cache)
    assert bank.items["mine"].front == "바뀐 앞면"  # type: ignore[union-attr]


def test_a_broken_bank_is_never_cached(make_bank: MakeBank, tmp_path: Path) -> None:
    bank_dir = make_bank({"items/a.yaml": "items:\n  - id: q\n    type: numeric\n    prompt: x\n"})
    cache = tmp_path / "cache"
    _, problems = load_banks_cached([bank_dir], cache)
    assert problems
    assert not list(cache.glob("bank-*.pickle"))
    _, again = load_banks_cached([bank_dir], cache)
    assert [str(p) for p in again] == [str(p) for p in problems]


def test_a_corrupt_cache_file_is_rebuilt(make_bank: MakeBank, tmp_path: Path) -> None:
    bank_dir = make_bank({"items/a.yaml": ITEM.format(front="앞면")})
    cache = tmp_path / "cache"
    load_banks_cached([bank_dir], cache)
    (entry,) = cache.glob("bank-*.pickle")
    entry.write_bytes(b"not a pickle")
    bank, problems = load_banks_cached([bank_dir], cache)
    assert problems == [] and "mine" in bank.items


def test_an_unwritable_cache_folder_is_ignored(make_bank: MakeBank) -> None:
    bank_dir = make_bank({"items/a.yaml": ITEM.format(front="앞면")})
    bank, problems = load_banks_cached([bank_dir], Path("/proc/quizapp-cache"))
    assert problems == [] and "mine" in bank.items

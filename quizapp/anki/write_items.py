"""Imported items as an ``items/*.yaml`` file that reads like a hand-written one."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Multi-line text as ``|`` blocks, as authors write prompts and explanations."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def items_yaml(items: list[dict[str, Any]], source: str) -> str:
    head = f"# Imported from {source} by `quizapp import anki`.\n"
    body = yaml.dump(
        {"items": items}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
    )
    return head + body


def write_items(path: Path, items: list[dict[str, Any]], source: str) -> None:
    """Write the file whole or not at all (a partial file would not load)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(items_yaml(items, source), encoding="utf-8")
    os.replace(partial, path)

"""Imported items as an ``items/*.yaml`` file that reads like a hand-written one."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

_RANGE = re.compile(r"^\d+-\d+$")  # page ranges are quoted, as the bank format shows them


class _Dumper(yaml.SafeDumper):
    """Multi-line text as ``|`` blocks, as authors write prompts and explanations."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else '"' if _RANGE.match(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """Pages and tags on one line (``pages: [50, "71-73"]``), items one per block."""
    flow = all(isinstance(v, int | str) and "\n" not in str(v) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(list, _list)


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
    try:
        partial.write_text(items_yaml(items, source), encoding="utf-8")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)

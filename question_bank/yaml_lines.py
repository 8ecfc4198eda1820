"""YAML loading that remembers where every key and list entry came from.

Mappings load as :class:`LineDict` and sequences as :class:`LineList`; both
remember the 1-based line of the node and of each key or entry, so that a
problem found later (by pydantic or by a cross-check) can be reported as
``path:line``. Duplicate keys, which PyYAML silently overwrites, are reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .said import said

try:  # the C parser is several times faster; the constructors stay in Python
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class LineDict(dict[Any, Any]):
    """A dict that knows its own line and the line of each key."""

    line: int = 1
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A list that knows its own line and the line of each entry."""

    line: int = 1
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


def line_at(data: Any, loc: tuple[Any, ...], default: int = 1) -> int:
    """The line of the deepest part of ``loc`` that exists in ``data``."""
    line = getattr(data, "line", default)
    node = data
    for part in loc:
        if (isinstance(node, LineDict) and part in node) or (
            isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node)
        ):
            line = node.line_of(part)
            node = node[part]
        elif isinstance(node, LineDict) and node.get("type") == part:
            continue  # the tag of a tagged union (pydantic puts it in the location): same node
        else:
            break
    return line


class _LineLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    def __init__(self, stream: str, path: Path) -> None:
        super().__init__(stream)
        self.path = path
        self.problems: list[Problem] = []

    def construct_line_map(self, node: yaml.MappingNode) -> Any:
        data = LineDict()
        data.line = node.start_mark.line + 1
        data.key_lines = {}
        yield data
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            try:
                hash(key)
            except TypeError:
                self.problems.append(
                    Problem(
                        self.path,
                        line,
                        said(
                            "a mapping key must be a plain value",
                            "매핑의 키는 단순한 값이어야 합니다",
                        ),
                    )
                )
                continue
            if key in data.key_lines:
                first = data.key_lines[key]
                self.problems.append(
                    Problem(
                        self.path,
                        line,
                        said(
                            f"duplicate key {key!r} (first given at line {first})",
                            f"키 {key!r}가 중복됩니다 (처음은 {first}번째 줄)",
                        ),
                    )
                )
            data[key] = self.construct_object(value_node, deep=False)
            data.key_lines[key] = line

    def construct_line_seq(self, node: yaml.SequenceNode) -> Any:
        data = LineList()
        data.line = node.start_mark.line + 1
        data.item_lines = [child.start_mark.line + 1 for child in node.value]
        yield data
        data.extend(self.construct_object(child, deep=False) for child in node.value)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_line_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_line_seq)


def load_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """Load one YAML file; never raises for bad content.

    Returns the data (``None`` when the file could not be loaded at all) and
    the problems met: unreadable file, text that is not UTF-8, an empty file,
    YAML syntax errors and duplicate keys.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        why = exc.strerror or exc
        return None, [
            Problem(
                path, 1, said(f"cannot read the file: {why}", f"파일을 읽을 수 없습니다: {why}")
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        byte = raw[exc.start]
        return None, [
            Problem(
                path,
                line,
                said(
                    f"not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8",
                    f"UTF-8 텍스트가 아닙니다 (바이트 0x{byte:02x}); 파일을 UTF-8로 저장하세요",
                ),
            )
        ]
    text = text.removeprefix("\ufeff")
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, [Problem(path, 1, said("the file is empty", "파일이 비어 있습니다"))]
    loader = _LineLoader(text, path)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{exc.context}, {what}"
        hint = hint_ko = ""
        if "mapping values are not allowed" in what:
            hint = " (a value that contains ': ' must be quoted, or written as a block after `|`)"
            hint_ko = " (': '가 들어간 값은 따옴표로 감싸거나 `|` 다음 블록으로 쓰세요)"
        # PyYAML's own words, quoted in Korean: the parser says them in English only
        message = said(f"YAML syntax error: {what}{hint}", f'YAML 문법 오류: "{what}"{hint_ko}')
        return None, [Problem(path, line, message)]
    except yaml.YAMLError as exc:  # pragma: no cover - errors without a mark
        return None, [
            Problem(path, 1, said(f"YAML syntax error: {exc}", f'YAML 문법 오류: "{exc}"'))
        ]
    finally:
        loader.dispose()
    return data, loader.problems

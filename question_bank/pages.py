"""Page syntax: ``[17, "83-88"]`` — ints or inclusive ranges written as strings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer

from .said import said

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")


@dataclass(frozen=True, order=True)
class PageRange:
    """An inclusive range of textbook pages; a single page has start == end."""

    start: int
    end: int

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}-{self.end}"

    def overlaps(self, other: PageRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    def to_yaml(self) -> int | str:
        return self.start if self.start == self.end else f"{self.start}-{self.end}"


def parse_page(value: Any) -> PageRange:
    """Parse one entry of a ``pages`` list; raise ValueError with an author-facing message."""
    if isinstance(value, PageRange):
        return value
    if isinstance(value, bool):
        raise ValueError(_not_a_page(value))
    if isinstance(value, int):
        if value < 1:
            raise ValueError(
                said(
                    f"page {value} is not a page: pages start at 1",
                    f"{value}쪽은 없는 쪽입니다: 쪽 번호는 1부터 시작합니다",
                )
            )
        return PageRange(value, value)
    if isinstance(value, str):
        match = _RANGE.match(value)
        if not match:
            raise ValueError(
                said(
                    f'malformed page range {value!r}; write 50 or "83-88"',
                    f'잘못된 쪽 범위 {value!r}; 50이나 "83-88"처럼 쓰세요',
                )
            )
        start = int(match.group(1))
        end = int(match.group(2)) if match.group(2) is not None else start
        if start < 1:
            raise ValueError(
                said(
                    f"page range {value!r} starts at {start}: pages start at 1",
                    f"쪽 범위 {value!r}가 {start}쪽에서 시작합니다: 쪽 번호는 1부터 시작합니다",
                )
            )
        if start > end:
            raise ValueError(
                said(
                    f'page range {value!r} is reversed: write "{end}-{start}" (start ≤ end)',
                    f'쪽 범위 {value!r}가 거꾸로입니다: "{end}-{start}"처럼 쓰세요 (시작 ≤ 끝)',
                )
            )
        return PageRange(start, end)
    raise ValueError(_not_a_page(value))


def _not_a_page(value: Any) -> str:
    return said(
        f'page {value!r} is not a page number; write 50 or "83-88"',
        f'{value!r}는 쪽 번호가 아닙니다; 50이나 "83-88"처럼 쓰세요',
    )


Page = Annotated[PageRange, BeforeValidator(parse_page), PlainSerializer(PageRange.to_yaml)]


def overlaps(a: Iterable[PageRange], b: Iterable[PageRange]) -> bool:
    """True when some page lies in both page lists."""
    b = list(b)
    return any(x.overlaps(y) for x in a for y in b)


def format_pages(pages: Iterable[PageRange]) -> str:
    """``[17-26, 50]`` → ``"17-26, 50"``."""
    return ", ".join(str(p) for p in pages)


def parse_pages_arg(text: str) -> list[PageRange]:
    """Parse a command-line page filter such as ``17-26,50``."""
    parts = [p for p in text.replace(" ", "").split(",") if p]
    if not parts:
        raise ValueError(said("no pages given; write e.g. 17-26,50", "쪽이 없습니다; 예: 17-26,50"))
    return [parse_page(p) for p in parts]

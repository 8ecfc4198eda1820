"""The wording of validation problems: a pydantic error told as one line an author can act on."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel

from .said import Said, ko_of, said

_KIND_OF = {
    str: ("text", "텍스트"),
    int: ("a number", "숫자"),
    float: ("a number", "숫자"),
    bool: ("true/false", "true/false 값"),
    type(None): ("an empty value", "빈 값"),
}


def kind_of(value: Any) -> Said:
    """What sort of YAML value ``value`` is, in words ("text", "a list", …)."""
    if isinstance(value, dict):
        return said("a mapping", "매핑")
    if isinstance(value, list):
        return said("a list", "목록")
    en, ko = _KIND_OF.get(type(value), (type(value).__name__, type(value).__name__))
    return said(en, ko)


def _name(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "value"


def _allowed_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        annotation = info.annotation
        # list[Section] | None → Section
        for arg in getattr(annotation, "__args__", ()) or ():
            for inner in getattr(arg, "__args__", ()) or (arg,):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    current = inner
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            current = annotation
    fields = getattr(current, "model_fields", {})
    return [name for name, info in fields.items() if not info.exclude]


def suggest(word: str, options: Iterable[str]) -> Said:
    """A " (did you mean …?)" hint for a misspelt ``word``, or "" (both worded)."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    if not close:
        return said("", "")
    return said(f" (did you mean {close[0]!r}?)", f" ({close[0]!r}을(를) 쓰려던 건가요?)")


def describe(err: Any, model: type[BaseModel], what: str) -> Said:
    """One pydantic error (from ``errors()``) on ``model``, worded for ``what`` was validated
    (in English, with its Korean wording: ``what`` may carry one too, see :mod:`.said`)."""
    loc = tuple(err["loc"])
    kind = err["type"]
    name = _name(loc)
    value = err.get("input")
    ctx = err.get("ctx") or {}
    last = loc[-1] if loc else what
    ko_what = ko_of(what)
    if kind == "missing":
        return said(f"{what}: missing field {last!r}", f"{ko_what}: {last!r} 항목이 없습니다")
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc)
        hint = suggest(str(last), allowed)
        listed = ", ".join(allowed)
        return said(
            f"{what}: unknown field {last!r}{hint or f' (allowed: {listed})'}",
            f"{ko_what}: 없는 항목 {last!r}{ko_of(hint) or f' (쓸 수 있는 항목: `{listed}`)'}",
        )
    if kind == "value_error":
        error = ctx.get("error")
        if isinstance(error, ValueError) and error.args and isinstance(error.args[0], Said):
            return error.args[0]
        text = str(ctx.get("error", err["msg"]))
        return said(text, text)
    if kind == "string_pattern_mismatch" and last == "id":
        return said(
            f"id {value!r} is not valid: use lowercase letters, digits and '-', "
            "starting with a letter or digit",
            f"id {value!r}는 쓸 수 없습니다: 영문 소문자, 숫자, '-'만 쓰고 "
            "소문자나 숫자로 시작하세요",
        )
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        return said(
            f"`{name}` {value!r} must match {pattern}",
            f"`{name}` {value!r}는 {pattern} 형식이어야 합니다",
        )
    if kind == "too_short":
        return _too_short(name, last, value, ctx)
    if kind in _PYDANTIC_WORDS:
        return _PYDANTIC_WORDS[kind](f"`{name}`: {err['msg']}", name, ctx)
    return _wrong_type(kind, name, value, ctx, err)


def _too_short(name: str, last: object, value: Any, ctx: dict[str, Any]) -> Said:
    """A list or text with fewer entries than the model asks for."""
    if isinstance(value, list) and not value:
        if last == "pages":
            return said(
                "`pages` is empty: give at least one page, or leave `pages` out",
                "`pages`가 비어 있습니다: 쪽을 하나 이상 쓰거나 `pages`를 빼세요",
            )
        if last == "sections":
            return said("the blueprint has no sections", "모의고사 설계에 영역이 없습니다")
        return said(f"`{name}` is empty", f"`{name}`가 비어 있습니다")
    if isinstance(value, str):
        return said(f"`{name}` is empty", f"`{name}`가 비어 있습니다")
    least, count = ctx.get("min_length"), len(value or [])
    return said(
        f"`{name}` needs at least {least} entries, got {count}",
        f"`{name}`에는 {least}개 이상이 필요한데 {count}개입니다",
    )


def _wrong_type(kind: str, name: str, value: Any, ctx: dict[str, Any], err: Any) -> Said:
    """A value of the wrong kind or out of bounds, or pydantic's own words for the rest."""
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        return said(
            f"`{name}` must be one of {expected}; got {value!r}",
            f"`{name}`는 {expected} 중 하나여야 합니다; {value!r}를 받았습니다",
        )
    if kind in ("string_type", "str_type"):
        got = kind_of(value)
        return said(
            f"`{name}` must be text, got {got}", f"`{name}`는 텍스트여야 하는데 {got.ko}입니다"
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return said(
            f"`{name}` must be a whole number, got {value!r}",
            f"`{name}`는 정수여야 하는데 {value!r}입니다",
        )
    if kind in ("float_type", "float_parsing"):
        return said(
            f"`{name}` must be a number, got {value!r}",
            f"`{name}`는 숫자여야 하는데 {value!r}입니다",
        )
    if kind in ("bool_type", "bool_parsing"):
        return said(
            f"`{name}` must be true or false, got {value!r}",
            f"`{name}`는 true나 false여야 하는데 {value!r}입니다",
        )
    if kind == "list_type":
        got = kind_of(value)
        return said(
            f"`{name}` must be a list, got {got}", f"`{name}`는 목록이어야 하는데 {got.ko}입니다"
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        got = kind_of(value)
        return said(
            f"`{name}` must be a mapping (key: value lines), got {got}",
            f"`{name}`는 매핑(키: 값 줄)이어야 하는데 {got.ko}입니다",
        )
    bounds = {
        "greater_than_equal": ("≥", "ge"),
        "greater_than": (">", "gt"),
        "less_than_equal": ("≤", "le"),
        "less_than": ("<", "lt"),
    }
    if kind in bounds:
        sign, key = bounds[kind]
        return said(
            f"`{name}` must be {sign} {ctx.get(key)}, got {value!r}",
            f"`{name}`는 {sign} {ctx.get(key)}이어야 하는데 {value!r}입니다",
        )
    # pydantic's own words, quoted in Korean
    return said(f"`{name}`: {err['msg']}", f'`{name}`: 값이 올바르지 않습니다 ("{err["msg"]}")')


def _string_too_short(en: str, name: str, ctx: dict[str, Any]) -> Said:
    least = ctx.get("min_length", 1)
    if least == 1:
        return said(en, f"`{name}`가 비어 있습니다")
    return said(en, f"`{name}`에는 {least}글자 이상이 필요합니다")


def _too_long(en: str, name: str, ctx: dict[str, Any]) -> Said:
    most, count = ctx.get("max_length"), ctx.get("actual_length")
    return said(en, f"`{name}`에는 {most}개까지만 쓸 수 있는데 {count}개입니다")


def _tag_invalid(en: str, name: str, ctx: dict[str, Any]) -> Said:
    key, tag, tags = ctx.get("discriminator"), ctx.get("tag"), ctx.get("expected_tags")
    return said(en, f"`{name}`: {key}에 쓴 {tag!r}는 없는 값입니다 (다음 중 하나: {tags})")


def _tag_not_found(en: str, name: str, ctx: dict[str, Any]) -> Said:
    return said(en, f"`{name}`: {ctx.get('discriminator')} 항목이 없습니다")


# pydantic errors told in pydantic's own English words, worded in Korean: error type →
# (the English line, the field's name, the error's context) → both wordings
_PYDANTIC_WORDS: dict[str, Callable[[str, str, dict[str, Any]], Said]] = {
    "string_too_short": _string_too_short,
    "too_long": _too_long,
    "union_tag_invalid": _tag_invalid,
    "union_tag_not_found": _tag_not_found,
}

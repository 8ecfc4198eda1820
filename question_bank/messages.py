"""The wording of validation problems: a pydantic error told as one line an author can act on."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

_KIND_OF = {
    str: "text",
    int: "a number",
    float: "a number",
    bool: "true/false",
    type(None): "an empty value",
}


def kind_of(value: Any) -> str:
    """What sort of YAML value ``value`` is, in words ("text", "a list", …)."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return _KIND_OF.get(type(value), type(value).__name__)


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


def suggest(word: str, options: Iterable[str]) -> str:
    """A " (did you mean …?)" hint for a misspelt ``word``, or ""."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def describe(err: Any, model: type[BaseModel], what: str) -> str:
    """One pydantic error (from ``errors()``) on ``model``, worded for ``what`` was validated."""
    loc = tuple(err["loc"])
    kind = err["type"]
    name = _name(loc)
    value = err.get("input")
    ctx = err.get("ctx") or {}
    last = loc[-1] if loc else what
    if kind == "missing":
        return f"{what}: missing field {last!r}"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc)
        hint = suggest(str(last), allowed) or f" (allowed: {', '.join(allowed)})"
        return f"{what}: unknown field {last!r}{hint}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind == "string_pattern_mismatch" and last == "id":
        return (
            f"id {value!r} is not valid: use lowercase letters, digits and '-', "
            "starting with a letter or digit"
        )
    if kind == "string_pattern_mismatch":
        return f"`{name}` {value!r} must match {ctx.get('pattern')}"
    if kind == "too_short":
        if isinstance(value, list) and not value:
            if last == "pages":
                return "`pages` is empty: give at least one page, or leave `pages` out"
            if last == "sections":
                return "the blueprint has no sections"
            return f"`{name}` is empty"
        if isinstance(value, str):
            return f"`{name}` is empty"
        return f"`{name}` needs at least {ctx.get('min_length')} entries, got {len(value or [])}"
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        return f"`{name}` must be one of {expected}; got {value!r}"
    if kind in ("string_type", "str_type"):
        return f"`{name}` must be text, got {kind_of(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"`{name}` must be a whole number, got {value!r}"
    if kind in ("float_type", "float_parsing"):
        return f"`{name}` must be a number, got {value!r}"
    if kind in ("bool_type", "bool_parsing"):
        return f"`{name}` must be true or false, got {value!r}"
    if kind == "list_type":
        return f"`{name}` must be a list, got {kind_of(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"`{name}` must be a mapping (key: value lines), got {kind_of(value)}"
    bounds = {
        "greater_than_equal": ("≥", "ge"),
        "greater_than": (">", "gt"),
        "less_than_equal": ("≤", "le"),
        "less_than": ("<", "lt"),
    }
    if kind in bounds:
        sign, key = bounds[kind]
        return f"`{name}` must be {sign} {ctx.get(key)}, got {value!r}"
    return f"`{name}`: {err['msg']}"

"""Comparing one observation of the submission with the reference's, and saying how they differ.

Values are the plain encodings of :mod:`grader.inside.plain` (tuples, tensors and
other objects tagged with ``$tuple``, ``$tensor``, ``$object``). Equality is
strict about types (1, 1.0 and True differ); tensors are compared by type,
shape, dtype and then values within the reference's tolerance. Messages say
what was expected and what was seen, and never more than that.
"""

from __future__ import annotations

import math
from typing import Any

from grader.sandbox.limits import MESSAGE_CHARS
from grader.text import LANGS, Text, as_text, in_lang
from grader.verdict.messages import EMPTY, cut, msg, same

MAX_LISTED = 8


# -- describing values ---------------------------------------------------------


def _is_kind(value: Any, key: str) -> bool:
    return isinstance(value, dict) and key in value and len(value) <= 2


def _type_word(value: Any) -> Text:
    if value is None:
        return same("None")
    if isinstance(value, bool):
        return msg("type_bool")
    if isinstance(value, int):
        return msg("type_int")
    if isinstance(value, float):
        return msg("type_float")
    if isinstance(value, str):
        return msg("type_str")
    if isinstance(value, list):
        return msg("type_list")
    if _is_kind(value, "$tuple"):
        return msg("type_tuple")
    if _is_kind(value, "$tensor"):
        return msg("type_tensor")
    if _is_kind(value, "$object"):
        return same(_short(str(value["$object"])))
    return msg("type_dict")


def _short(type_name: str) -> str:
    return type_name.replace("torch.nn.", "nn.")


def _shape_text(shape: Any) -> str:
    if not isinstance(shape, list):
        return "?"
    inner = ", ".join(str(n) for n in shape)
    return f"({inner},)" if len(shape) == 1 else f"({inner})"


def _flat(values: Any) -> list[Any]:
    if isinstance(values, list):
        out: list[Any] = []
        for v in values:
            out.extend(_flat(v))
        return out
    return [values]


def describe(value: Any, fmt: str | None = None, lang: str = "en") -> str:
    """A short human rendering of an encoded value, in ``lang``."""
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int):
        return f"{value:,}" if fmt == "count" else str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return f"{value:.1f}"
        return f"{value:.6g}"
    if isinstance(value, str):
        return _short(value) if fmt in ("type", "dtype") else repr(value)
    if isinstance(value, list):
        items = [describe(v, lang=lang) for v in value[:MAX_LISTED]]
        return "[" + ", ".join(items) + (", …" if len(value) > MAX_LISTED else "") + "]"
    if _is_kind(value, "$tuple"):
        items_raw = value["$tuple"] if isinstance(value["$tuple"], list) else []
        if fmt == "shape" and all(isinstance(n, int) for n in items_raw):
            return _shape_text(items_raw)
        items = [describe(v, lang=lang) for v in items_raw[:MAX_LISTED]]
        more = ", …" if len(items_raw) > MAX_LISTED else ""
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + more + ")"
    if _is_kind(value, "$tensor"):
        t = value["$tensor"] if isinstance(value["$tensor"], dict) else {}
        flat = _flat(t.get("values"))
        if len(flat) <= 6 or not isinstance(t.get("values"), list):  # small, or 0-d
            return f"tensor({describe(t.get('values'), lang=lang)})"
        shape = _shape_text(t.get("shape"))
        return in_lang(msg("tensor_of_shape", shape=shape, dtype=t.get("dtype")), lang)
    if _is_kind(value, "$object"):
        name = _short(str(value["$object"]))
        if "why" in value:
            return in_lang(msg("object_why", name=name, why=as_text(value["why"])), lang)
        if "value" in value:
            return f"{name} {describe(value['value'], lang=lang)}"
        key = "not_a_plain_tensor" if fmt == "shape" else "an_object"
        return in_lang(msg(key, article=_article(name), name=name), lang)
    return in_lang(msg("unexpected_value"), lang)


def described(value: Any, fmt: str | None = None) -> Text:
    """:func:`describe` in every language."""
    return {lang: describe(value, fmt, lang) for lang in LANGS}


def _article(name: str) -> str:
    return "an" if name[:1].lower() in "aeiou" else "a"


# -- comparing -----------------------------------------------------------------


def same_value(a: Any, b: Any) -> bool:
    """Exact equality of encoded values, types included (1, 1.0 and True all differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    return bool(a == b)


def _near(ref: Any, got: Any, atol: float, rtol: float) -> bool:
    if isinstance(ref, bool) or isinstance(got, bool) or type(ref) is not type(got):
        return same_value(ref, got)
    if isinstance(ref, int | float):
        if math.isnan(ref) or math.isnan(got):
            return math.isnan(ref) and math.isnan(got)
        if math.isinf(ref) or math.isinf(got):
            return bool(ref == got)
        return bool(abs(got - ref) <= atol + rtol * abs(ref))
    return same_value(ref, got)


def close(ref: Any, got: Any, atol: float, rtol: float) -> bool:
    """Numbers within ``atol + rtol·|ref|``, recursively through lists and tuples."""
    if isinstance(ref, list):
        return (
            isinstance(got, list)
            and len(ref) == len(got)
            and all(close(r, g, atol, rtol) for r, g in zip(ref, got, strict=True))
        )
    if _is_kind(ref, "$tuple"):
        return _is_kind(got, "$tuple") and close(ref["$tuple"], got["$tuple"], atol, rtol)
    return _near(ref, got, atol, rtol)


def _index_text(index: int, shape: list[int]) -> str:
    if not shape:
        return ""
    coords = []
    for size in reversed(shape):
        size = max(1, size)
        coords.append(index % size)
        index //= size
    inner = ", ".join(str(c) for c in reversed(coords))
    return f"({inner},)" if len(coords) == 1 else f"({inner})"


def _label(obs: dict[str, Any]) -> Text:
    return as_text(obs.get("label"))


def _compare_tensor(ref_obs: dict[str, Any], got: Any) -> Text | None:
    label = _label(ref_obs)
    ref = ref_obs["value"]["$tensor"]
    modified = ref_obs.get("fmt") == "unchanged"
    if not _is_kind(got, "$tensor") or not isinstance(got["$tensor"], dict):
        if _is_kind(got, "$object") and got.get("$object") == "torch.Tensor" and "why" in got:
            return msg("tensor_unreadable", label=label, why=as_text(got["why"]))
        return msg("not_a_tensor", label=label, seen=described(got))
    tensor = got["$tensor"]
    ref_shape, got_shape = _shape_text(ref.get("shape")), _shape_text(tensor.get("shape"))
    if not same_value(ref.get("shape"), tensor.get("shape")):
        key = "modified_shape" if modified else "tensor_shape"
        return msg(
            key, label=label, before=ref_shape, after=got_shape, expected=ref_shape, seen=got_shape
        )
    ref_dtype, got_dtype = ref.get("dtype"), tensor.get("dtype")
    if ref_obs.get("dtype", True) and ref_dtype != got_dtype:
        key = "modified_dtype" if modified else "tensor_dtype"
        return msg(
            key, label=label, before=ref_dtype, after=got_dtype, expected=ref_dtype, seen=got_dtype
        )
    ref_flat, got_flat = _flat(ref.get("values")), _flat(tensor.get("values"))
    if len(ref_flat) != len(got_flat):
        return msg("tensor_size", label=label)
    atol, rtol = float(ref_obs.get("atol", 0.0)), float(ref_obs.get("rtol", 0.0))
    bad = [
        i
        for i, (r, g) in enumerate(zip(ref_flat, got_flat, strict=True))
        if not _near(r, g, atol, rtol)
    ]
    if not bad:
        return None
    first = bad[0]
    where = _index_text(first, ref.get("shape") or [])
    at = msg("at_index", index=where) if where else EMPTY
    expected, seen = _pair(ref_flat[first], got_flat[first])
    count = (
        msg("values_differ_count", bad=f"{len(bad):,}", total=f"{len(ref_flat):,}")
        if len(ref_flat) > 1
        else EMPTY
    )
    if modified:
        return msg("modified_value", label=label, at=at, before=expected, after=seen, count=count)
    tolerance = msg("tolerance", atol=f"{atol:g}", rtol=f"{rtol:g}") if atol or rtol else EMPTY
    fail = ref_obs.get("fail")
    head = msg("fail_head", fail=as_text(fail)) if fail else EMPTY
    return msg(
        "tensor_values",
        head=head,
        label=label,
        at=at,
        expected=expected,
        seen=seen,
        count=count,
        tolerance=tolerance,
    )


def compare(ref_obs: dict[str, Any], got_obs: Any) -> Text | None:
    """None when the submission's observation matches the reference's, else the message."""
    label = _label(ref_obs)
    if (
        not isinstance(got_obs, dict)
        or as_text(got_obs.get("label")) != label
        or "value" not in got_obs
    ):
        return msg("not_observed", label=label)
    ref, got = ref_obs.get("value"), got_obs.get("value")
    how, fmt = ref_obs.get("how"), ref_obs.get("fmt")
    if how == "tensor" and _is_kind(ref, "$tensor"):
        return _compare_tensor(ref_obs, got)
    if how == "close":
        ok = close(ref, got, float(ref_obs.get("atol", 0.0)), float(ref_obs.get("rtol", 0.0)))
    else:
        ok = same_value(ref, got)
    if ok:
        return None
    message = _mismatch(ref_obs, ref, got, how, fmt, label)
    note = got_obs.get("note")
    if note:  # the submission's side: kept short
        message = msg("with_note", message=message, note=cut(as_text(note), MESSAGE_CHARS))
    return message


def _pair(ref: Any, got: Any, fmt: str | None = None) -> tuple[Text, Text]:
    """Both values described; two different values never read the same: floats get more
    digits, and lists or tuples that would still read the same show their first differing item."""
    expected, seen = described(ref, fmt), described(got, fmt)
    if expected != seen or same_value(ref, got):
        return expected, seen
    if isinstance(ref, float) and isinstance(got, float):
        for digits in (9, 12):
            shown_ref, shown_got = f"{ref:.{digits}g}", f"{got:.{digits}g}"
            if shown_ref != shown_got:
                return same(shown_ref), same(shown_got)
        return same(repr(ref)), same(repr(got))  # the shortest text that tells them apart
    ref_items, got_items = _items(ref), _items(got)
    if ref_items is None or got_items is None or len(ref_items) != len(got_items):
        return expected, seen
    first = next(
        i for i, (r, g) in enumerate(zip(ref_items, got_items, strict=True)) if not same_value(r, g)
    )
    opening, closing = ("[", "]") if isinstance(ref, list) else ("(", ")")
    before = "…, " if first > 0 else ""
    after = ", …" if first < len(ref_items) - 1 else ""
    inner_expected, inner_seen = _pair(ref_items[first], got_items[first])

    def wrap(text: Text) -> Text:
        return {lang: f"{opening}{before}{text[lang]}{after}{closing}" for lang in LANGS}

    return wrap(inner_expected), wrap(inner_seen)


def _items(value: Any) -> list[Any] | None:
    """The items of an encoded list or tuple, else None."""
    if isinstance(value, list):
        return value
    if _is_kind(value, "$tuple") and isinstance(value["$tuple"], list):
        return list(value["$tuple"])
    return None


def _mismatch(ref_obs: dict[str, Any], ref: Any, got: Any, how: Any, fmt: Any, label: Text) -> Text:
    fail = ref_obs.get("fail")
    expected, seen = _pair(ref, got, fmt)
    if fail:
        if isinstance(ref, bool) and isinstance(got, bool):
            return as_text(fail)
        return msg("fail_expected", fail=as_text(fail), expected=expected, seen=seen)
    if expected == seen or (_type_word(ref) != _type_word(got) and fmt not in ("shape", "type")):
        expected = msg("value_typed", value=expected, kind=_type_word(ref))
        seen = msg("value_typed", value=seen, kind=_type_word(got))
    elif how == "close" and isinstance(ref, int | float) and isinstance(got, int | float):
        diff = f"{abs(got - ref):.3g}"
        return msg("expected_close", label=label, expected=expected, seen=seen, diff=diff)
    return msg("expected_value", label=label, expected=expected, seen=seen)

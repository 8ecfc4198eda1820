"""Comparing one observation of the submission with the reference's, and saying how they differ.

Values are the plain encodings of :mod:`grader.plain` (tuples, tensors and
other objects tagged with ``$tuple``, ``$tensor``, ``$object``). Equality is
strict about types (1, 1.0 and True differ); tensors are compared by type,
shape, dtype and then values within the reference's tolerance. Messages say
what was expected and what was seen, and never more than that.
"""

from __future__ import annotations

import math
from typing import Any

MAX_LISTED = 8


# -- describing values ---------------------------------------------------------


def _is_kind(value: Any, key: str) -> bool:
    return isinstance(value, dict) and key in value and len(value) <= 2


def _type_word(value: Any) -> str:
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "a bool"
    if isinstance(value, int):
        return "a Python int"
    if isinstance(value, float):
        return "a Python float"
    if isinstance(value, str):
        return "a str"
    if isinstance(value, list):
        return "a list"
    if _is_kind(value, "$tuple"):
        return "a tuple"
    if _is_kind(value, "$tensor"):
        return "a torch.Tensor"
    if _is_kind(value, "$object"):
        return _short(str(value["$object"]))
    return "a dict"


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


def describe(value: Any, fmt: str | None = None) -> str:
    """A short human rendering of an encoded value."""
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
        items = [describe(v) for v in value[:MAX_LISTED]]
        return "[" + ", ".join(items) + (", …" if len(value) > MAX_LISTED else "") + "]"
    if _is_kind(value, "$tuple"):
        items_raw = value["$tuple"] if isinstance(value["$tuple"], list) else []
        if fmt == "shape" and all(isinstance(n, int) for n in items_raw):
            return _shape_text(items_raw)
        items = [describe(v) for v in items_raw[:MAX_LISTED]]
        more = ", …" if len(items_raw) > MAX_LISTED else ""
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + more + ")"
    if _is_kind(value, "$tensor"):
        t = value["$tensor"] if isinstance(value["$tensor"], dict) else {}
        flat = _flat(t.get("values"))
        if len(flat) <= 6 and isinstance(t.get("values"), list):
            return f"tensor({describe(t.get('values'))})"
        if not isinstance(t.get("values"), list):  # a 0-d tensor
            return f"tensor({describe(t.get('values'))})"
        return f"a tensor of shape {_shape_text(t.get('shape'))} ({t.get('dtype')})"
    if _is_kind(value, "$object"):
        name = _short(str(value["$object"]))
        if "value" in value:
            return f"{name} {describe(value['value'])}"
        if fmt == "shape":
            return f"{_article(name)} (not a torch.Tensor)"
        return _article(name)
    return "an unexpected value"


def _article(name: str) -> str:
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"


# -- comparing -----------------------------------------------------------------


def same(a: Any, b: Any) -> bool:
    """Exact equality of encoded values, types included (1, 1.0 and True all differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return bool(a == b)


def _near(ref: Any, got: Any, atol: float, rtol: float) -> bool:
    if isinstance(ref, bool) or isinstance(got, bool) or type(ref) is not type(got):
        return same(ref, got)
    if isinstance(ref, int | float):
        if math.isnan(ref) or math.isnan(got):
            return math.isnan(ref) and math.isnan(got)
        if math.isinf(ref) or math.isinf(got):
            return bool(ref == got)
        return bool(abs(got - ref) <= atol + rtol * abs(ref))
    return same(ref, got)


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


def _compare_tensor(ref_obs: dict[str, Any], got: Any) -> str | None:
    label = str(ref_obs["label"])
    ref = ref_obs["value"]["$tensor"]
    modified = ref_obs.get("fmt") == "unchanged"
    if not _is_kind(got, "$tensor") or not isinstance(got["$tensor"], dict):
        if _is_kind(got, "$object") and got.get("$object") == "torch.Tensor" and "value" in got:
            return f"{label} is {got['value']}"
        return f"expected {label} to be a torch.Tensor, got {describe(got)}"
    tensor = got["$tensor"]
    if not same(ref.get("shape"), tensor.get("shape")):
        if modified:
            return (
                f"{label} was modified: its shape changed from {_shape_text(ref.get('shape'))} "
                f"to {_shape_text(tensor.get('shape'))}"
            )
        return (
            f"expected {label} shape {_shape_text(ref.get('shape'))}, "
            f"got {_shape_text(tensor.get('shape'))}"
        )
    if ref_obs.get("dtype", True) and ref.get("dtype") != tensor.get("dtype"):
        if modified:
            return f"{label} was modified: its dtype changed from {ref.get('dtype')} to {tensor.get('dtype')}"
        return f"expected {label} dtype {ref.get('dtype')}, got {tensor.get('dtype')}"
    ref_flat, got_flat = _flat(ref.get("values")), _flat(tensor.get("values"))
    if len(ref_flat) != len(got_flat):
        return f"{label} does not hold as many values as its shape says"
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
    at = f" at {where}" if where else ""
    expected, seen = describe(ref_flat[first]), describe(got_flat[first])
    count = f" ({len(bad):,} of {len(ref_flat):,} values differ)" if len(ref_flat) > 1 else ""
    if modified:
        return f"{label} was modified by the call: the value{at} was {expected}, now {seen}{count}"
    tolerance = f", tolerance {atol:g} + {rtol:g}·|expected|" if atol or rtol else ""
    fail = ref_obs.get("fail")
    head = f"{fail}: " if fail else ""
    return (
        f"{head}{label} values differ from the reference{at}: expected {expected}, "
        f"got {seen}{count}{tolerance}"
    )


def compare(ref_obs: dict[str, Any], got_obs: Any) -> str | None:
    """None when the submission's observation matches the reference's, else the message."""
    label = str(ref_obs.get("label"))
    if not isinstance(got_obs, dict) or got_obs.get("label") != label or "value" not in got_obs:
        return f"{label}: not observed"
    ref, got = ref_obs.get("value"), got_obs.get("value")
    how, fmt = ref_obs.get("how"), ref_obs.get("fmt")
    if how == "tensor" and _is_kind(ref, "$tensor"):
        return _compare_tensor(ref_obs, got)
    if how == "close":
        ok = close(ref, got, float(ref_obs.get("atol", 0.0)), float(ref_obs.get("rtol", 0.0)))
    else:
        ok = same(ref, got)
    if ok:
        return None
    note = got_obs.get("note")
    suffix = f" ({note})" if isinstance(note, str) and note else ""
    fail = ref_obs.get("fail")
    if fail:
        if isinstance(ref, bool) and isinstance(got, bool):
            return f"{fail}{suffix}"
        return f"{fail} (expected {describe(ref, fmt)}, got {describe(got, fmt)}){suffix}"
    expected, seen = describe(ref, fmt), describe(got, fmt)
    if expected == seen or (_type_word(ref) != _type_word(got) and fmt not in ("shape", "type")):
        expected, seen = f"{expected} ({_type_word(ref)})", f"{seen} ({_type_word(got)})"
    elif how == "close" and isinstance(ref, int | float) and isinstance(got, int | float):
        suffix = f" (the values differ by {abs(got - ref):.3g}){suffix}"
    return f"expected {label} {expected}, got {seen}{suffix}"

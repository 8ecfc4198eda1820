"""Giving a submitted model exactly the reference model's weights, without ever meeting it.

The reference and the submission run in different processes. The reference
run describes its parameters (owning layer type, local name, shape) and fills
them with deterministic values generated per parameter index. The submission
run receives those descriptions as plain data, maps each of its parameters to
a reference one — first by layer type, name and shape, then by shape alone,
both in registration order — and fills it with the same values. If the
model is right, both now compute the same function and their outputs on the
same inputs can be compared. Float buffers (BatchNorm running statistics) are
filled the same way where they match; they may be missing on either side.

Modules are walked through their ``_parameters``/``_buffers``/``_modules``
dicts directly, so an overridden ``parameters()`` cannot hide or invent any.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from grader.inside.plain import PARAMETER, TENSOR, genuine, type_name
from grader.text import Text
from grader.verdict.messages import TextError, join, msg

_GETATTR = object.__getattribute__
_MODULE: type = nn.Module
_NO_GRAD = torch.no_grad
_COPY = torch._C.TensorBase.__dict__["copy_"]
_NUMEL = torch._C.TensorBase.__dict__["numel"]
_SHAPE = torch._C.TensorBase.__dict__["shape"]
_DTYPE = torch._C.TensorBase.__dict__["dtype"]
_RAND = torch.rand
_GENERATOR = torch.Generator
_FLOATS = {torch.float16, torch.bfloat16, torch.float32, torch.float64}
MAX_MODULES = 10_000


class WeightMismatch(TextError):
    """The submission's parameters cannot be mapped onto the reference's."""


@dataclass(frozen=True)
class Slot:
    """One parameter or float buffer, described as plain data."""

    kind: str  # the owning layer's torch.nn class ("Linear"), or "custom"
    name: str  # its local name ("weight", "running_var")
    shape: tuple[int, ...]
    buffer: bool

    def plain(self) -> list[Any]:
        return [self.kind, self.name, list(self.shape), self.buffer]

    @classmethod
    def from_plain(cls, data: Any) -> Slot:
        kind, name, shape, buffer = data
        return cls(str(kind), str(name), tuple(int(n) for n in shape), bool(buffer))

    def __str__(self) -> str:
        dims = ", ".join(str(n) for n in self.shape) + ("," if len(self.shape) == 1 else "")
        return f"{self.kind}.{self.name} ({dims})"


def layer_kind(module: object) -> str:
    """The nearest real torch.nn class in the module's ancestry (a subclass of nn.Linear is
    "Linear"; a class that only names itself nn.Linear is not)."""
    for cls in type.__dict__["__mro__"].__get__(type(module)):
        module_name = type.__dict__["__module__"].__get__(cls)
        if type(module_name) is str and module_name.startswith("torch.nn.modules") and genuine(cls):
            name = type.__dict__["__qualname__"].__get__(cls)
            return name if name != "Module" else "custom"
    return "custom"


def walk(model: object) -> list[tuple[str, Any, object, bool]]:
    """(path, tensor, owner, is_buffer) for each unique parameter and buffer, in registration order."""
    if not isinstance(model, _MODULE):
        raise WeightMismatch(msg("not_a_module", kind=type_name(model)))
    found: list[tuple[str, Any, object, bool]] = []
    seen: set[int] = set()
    visited: set[int] = set()
    stack: list[tuple[str, object]] = [("", model)]
    while stack:
        prefix, module = stack.pop(0)
        if id(module) in visited:
            continue
        visited.add(id(module))
        if len(visited) > MAX_MODULES:
            raise WeightMismatch(msg("too_many_modules"))
        for attr, is_buffer in (("_parameters", False), ("_buffers", True)):
            table = _GETATTR(module, attr)
            if type(table) is not dict:
                raise WeightMismatch(msg("tables_replaced"))
            for name, tensor in dict.items(table):
                if tensor is None or id(tensor) in seen:
                    continue
                wanted = PARAMETER if not is_buffer else TENSOR
                if not isinstance(tensor, wanted):
                    raise WeightMismatch(msg("entry_not_tensor", path=f"{prefix}{name}"))
                seen.add(id(tensor))
                found.append((f"{prefix}{name}", tensor, module, is_buffer))
        children = _GETATTR(module, "_modules")
        if type(children) is not dict:
            raise WeightMismatch(msg("modules_replaced"))
        for name, child in dict.items(children):
            if child is not None:
                if not isinstance(child, _MODULE):
                    raise WeightMismatch(msg("entry_not_module", path=f"{prefix}{name}"))
                stack.append((f"{prefix}{name}.", child))
    return found


def modules(model: object) -> list[object]:
    """The model and every module below it, each once, read from the ``_modules`` dicts
    (an overridden ``modules()`` or ``children()`` can neither hide nor invent one)."""
    if not isinstance(model, _MODULE):
        raise WeightMismatch(msg("not_a_module", kind=type_name(model)))
    found: list[object] = []
    visited: set[int] = set()
    stack: list[object] = [model]
    while stack:
        module = stack.pop(0)
        if id(module) in visited:
            continue
        visited.add(id(module))
        if len(visited) > MAX_MODULES:
            raise WeightMismatch(msg("too_many_modules"))
        found.append(module)
        children = _GETATTR(module, "_modules")
        if type(children) is not dict:
            raise WeightMismatch(msg("modules_replaced"))
        for name, child in dict.items(children):
            if child is not None:
                if not isinstance(child, _MODULE):
                    raise WeightMismatch(msg("entry_not_module", path=name))
                stack.append(child)
    return found


def parameters(model: object) -> list[tuple[str, Any]]:
    return [(path, t) for path, t, _owner, is_buffer in walk(model) if not is_buffer]


def parameter_count(model: object) -> int:
    return sum(int(_NUMEL(t)) for _path, t in parameters(model))


def slots(model: object) -> list[tuple[Slot, Any, str]]:
    """Parameters and float buffers as (slot, tensor, path)."""
    out: list[tuple[Slot, Any, str]] = []
    for path, tensor, owner, is_buffer in walk(model):
        if is_buffer and _DTYPE.__get__(tensor) not in _FLOATS:
            continue  # num_batches_tracked and the like
        name = path.rsplit(".", 1)[-1]
        shape = tuple(int(n) for n in _SHAPE.__get__(tensor))
        out.append((Slot(layer_kind(owner), name, shape, is_buffer), tensor, path))
    return out


def match(reference: list[Slot], submitted: list[Slot]) -> list[int | None]:
    """For each submitted slot, the index of the reference slot it stands for (or None)."""
    result: list[int | None] = [None] * len(submitted)
    used: set[int] = set()

    def identical(r: Slot, s: Slot) -> bool:
        return r == s

    def same_shape(r: Slot, s: Slot) -> bool:
        return r.shape == s.shape and r.buffer == s.buffer

    for same in (identical, same_shape):
        for i, slot in enumerate(submitted):
            if result[i] is not None:
                continue
            for j, ref in enumerate(reference):
                if j not in used and same(ref, slot):
                    result[i] = j
                    used.add(j)
                    break
    return result


def describe_mismatch(
    reference: list[Slot], submitted: list[Slot], mapping: list[int | None]
) -> Text:
    used = {j for j in mapping if j is not None}
    extra = [str(s) for s, j in zip(submitted, mapping, strict=True) if j is None and not s.buffer]
    missing = [str(r) for j, r in enumerate(reference) if j not in used and not r.buffer]
    parts = []
    if missing:
        parts.append(msg("reference_has", slots=_listed(missing)))
    if extra:
        parts.append(msg("yours_has", slots=_listed(extra)))
    return msg("parameters_differ", parts=join(parts, "; "))


def _listed(slots: list[str]) -> str:
    return ", ".join(slots[:6]) + (" …" if len(slots) > 6 else "")


def values_for(slot: Slot, index: int, seed: int) -> Any:
    """The deterministic values of reference slot ``index`` (float64, the slot's shape)."""
    generator = _GENERATOR().manual_seed((seed * 1_000_003 + index * 7919 + 17) % (2**63))
    unit = _RAND(slot.shape, generator=generator, dtype=torch.float64)
    if slot.name == "running_var" or ("Norm" in slot.kind and slot.name == "weight"):
        return 0.5 + unit  # scales and variances stay positive
    if slot.name == "running_mean":
        bound = 0.5
    elif len(slot.shape) >= 2:
        bound = 1.0 / math.sqrt(max(1, math.prod(slot.shape[1:])))
    else:
        bound = 0.3
    return (unit * 2 - 1) * bound


def fill(
    model: object, reference: list[Slot] | None, seed: int
) -> list[tuple[int, Slot, Any, str]]:
    """Fill ``model`` with the reference values; returns (ref index, ref slot, tensor, path).

    ``reference=None`` means this model *is* the reference: every slot maps to itself.
    """
    own = slots(model)
    mine = [slot for slot, _t, _p in own]
    ref = mine if reference is None else reference
    mapping: list[int | None] = list(range(len(own))) if reference is None else match(ref, mine)
    params_ok = all(j is not None for (s, j) in zip(mine, mapping, strict=True) if not s.buffer)
    ref_used = {j for j in mapping if j is not None}
    if not params_ok or any(j not in ref_used for j, r in enumerate(ref) if not r.buffer):
        raise WeightMismatch(describe_mismatch(ref, mine, mapping))
    filled = []
    with _NO_GRAD():
        for (_slot, tensor, path), j in zip(own, mapping, strict=True):
            if j is None:
                continue
            _COPY(tensor, values_for(ref[j], j, seed))
            filled.append((j, ref[j], tensor, path))
    filled.sort(key=lambda item: item[0])
    return filled

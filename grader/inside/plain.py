"""Turning whatever student code returns into plain JSON data, without trusting it.

Runs inside the sandbox, so it assumes the student may have monkeypatched
torch, numpy or builtins, returned a tensor subclass or an object whose
``__eq__``/``__repr__`` lies. Everything it uses is captured when this module
is imported — in the zygote, before any student code exists — and types are
checked with ``type(x) is …``, never ``isinstance``: only exact ``int``,
``float``, ``bool``, ``str``, ``None``, ``list``, ``tuple``, ``dict`` and
plain ``torch.Tensor`` are read; anything else is reported by its type name.

Encoding: JSON values as they are, tuples as ``{"$tuple": [...]}``, tensors as
``{"$tensor": {"shape", "dtype", "values"}}``, other objects as
``{"$object": "module.Type"}`` (plus ``"value"`` for NumPy scalars, or ``"why"``,
a :data:`grader.text.Text`, for a value that cannot be read).
"""

from __future__ import annotations

import sys
import types
from typing import Any

import numpy
import torch

from grader.verdict.messages import TextError, msg

_TensorBase = torch._C.TensorBase
TENSOR: type = torch.Tensor
PARAMETER: type = torch.nn.Parameter
_TOLIST = _TensorBase.__dict__["tolist"]
_SHAPE = _TensorBase.__dict__["shape"]
_DTYPE = _TensorBase.__dict__["dtype"]
_LAYOUT = _TensorBase.__dict__["layout"]
_DEVICE = _TensorBase.__dict__["device"]
_NUMEL = _TensorBase.__dict__["numel"]
_IS_NESTED = _TensorBase.__dict__.get("is_nested")
_TYPE_NAME = type.__dict__["__qualname__"]
_TYPE_MODULE = type.__dict__["__module__"]
_STRIDED = torch.strided
_CPU = torch.device("cpu")
_DICT_ITEMS = dict.items
_LIST_TYPES = (list, tuple)
_NUMPY_SCALARS = {
    numpy.bool_: bool,
    numpy.int8: int,
    numpy.int16: int,
    numpy.int32: int,
    numpy.int64: int,
    numpy.uint8: int,
    numpy.uint16: int,
    numpy.uint32: int,
    numpy.uint64: int,
    numpy.float16: float,
    numpy.float32: float,
    numpy.float64: float,
}
_NUMPY_ITEM = numpy.generic.item
_READABLE_DTYPES = {
    torch.float16,
    torch.bfloat16,
    torch.float32,
    torch.float64,
    torch.int8,
    torch.int16,
    torch.int32,
    torch.int64,
    torch.uint8,
    torch.bool,
}
MAX_ELEMENTS = 200_000
MAX_DEPTH = 12
MAX_STR = 2_000
MAX_INT_DIGITS = 60


class Unreadable(TextError):
    """A value the probe cannot turn into plain data."""


# -- which classes are what their names say ---------------------------------------------
#
# A class's ``__module__`` and ``__qualname__`` are strings its author writes: a submission's
# head that always outputs zero can declare ``__module__ = "torch.nn.modules.linear"`` and
# ``__qualname__ = "Linear"``. So the real classes of torch, NumPy and the builtins are
# captured by identity when this module is imported (in the zygote or a portable worker,
# before any student code exists); a class created later that claims one of their modules
# is reported as what it is.

_VOUCHED = ("torch", "numpy", "builtins")
_HEAP_TYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE: a class made by a class statement or type()
_TYPE_FLAGS = type.__dict__["__flags__"]
_REAL: dict[int, type] = {}
_CAPTURED_MODULES: set[str] = set()
_MODULES = sys.modules
_ISSUBCLASS = issubclass


def _vouched(module: str) -> bool:
    return any(module == root or module.startswith(root + ".") for root in _VOUCHED)


def capture_real_classes() -> None:
    """Remember every class torch, NumPy, the builtins and ``types`` hold now, by identity
    (called again after a worker imported more, before any student code)."""
    for name, module in list(_MODULES.items()):
        if module is None or not (_vouched(name) or name == "types"):
            continue
        try:
            values = list(vars(module).values())
        except TypeError:
            continue
        _CAPTURED_MODULES.add(name)
        for value in values:
            if _ISSUBCLASS(type(value), type):
                _REAL[id(value)] = value
    for value in (type(None), type(NotImplemented), type(Ellipsis), types.FunctionType):
        _REAL[id(value)] = value


def genuine(cls: type) -> bool:
    """Whether ``cls`` is what its ``__module__`` and ``__qualname__`` say. Only a class of
    torch, NumPy or the builtins can be an impostor: a class the submission names after one
    of them, which is none of the real classes captured before it ran."""
    if _REAL.get(id(cls)) is cls:
        return True
    try:
        module = _TYPE_MODULE.__get__(cls)
        heap = bool(_TYPE_FLAGS.__get__(cls) & _HEAP_TYPE)
    except Exception:
        return False
    if type(module) is not str or not _vouched(module) or not heap:
        return True
    if module in _CAPTURED_MODULES:
        return False  # that module was loaded before the submission: its classes are known
    found: Any = _MODULES.get(module)  # imported since (a lazy torch module): resolve the name
    try:
        for part in str(_TYPE_NAME.__get__(cls)).split("."):
            found = object.__getattribute__(found, part)
    except Exception:
        return False
    return found is cls


capture_real_classes()


def type_name(value: object) -> str:
    """``module.Qualname`` of the value's class, read past any metaclass trickery."""
    cls = type(value)
    try:
        module = _TYPE_MODULE.__get__(cls)
        name = _TYPE_NAME.__get__(cls)
    except Exception:
        return "object"
    if type(module) is not str or type(name) is not str:
        return "object"
    if module.startswith("torch.nn.modules."):
        module = "torch.nn"  # nn.MSELoss rather than torch.nn.modules.loss.MSELoss
    if not genuine(cls):
        return f"{name} (not {module}.{name})"[:200]
    if module == "builtins":
        return name[:200]
    return f"{module}.{name}"[:200]


def type_outline(value: object) -> str:
    """``tuple (int, torch.Tensor)`` for a tuple or list, the type name for anything else."""
    name = type_name(value)
    if type(value) in (tuple, list):
        items = list(value)  # type: ignore[call-overload]
        inner = ", ".join(type_name(v) for v in items[:6]) + (", …" if len(items) > 6 else "")
        return f"{name} ({inner})"
    return name


def shape_of(value: object) -> Any:
    """The shape of a plain tensor as a tuple encoding; other values are described instead."""
    if type(value) is not TENSOR:
        return {"$object": type_name(value)}
    return {"$tuple": [int(n) for n in _SHAPE.__get__(value)]}


def dtype_of(value: object) -> Any:
    if type(value) is not TENSOR:
        return {"$object": type_name(value)}
    return str(_DTYPE.__get__(value))


def tensor_values(value: Any) -> Any:
    """A plain tensor's values as nested lists (raises :class:`Unreadable` otherwise)."""
    if type(value) is not TENSOR:
        raise Unreadable(msg("unreadable_not_tensor", kind=type_name(value)))
    if _LAYOUT.__get__(value) is not _STRIDED or (_IS_NESTED and _IS_NESTED.__get__(value)):
        raise Unreadable(msg("unreadable_layout"))
    if _DEVICE.__get__(value) != _CPU:
        raise Unreadable(msg("unreadable_device"))
    if _DTYPE.__get__(value) not in _READABLE_DTYPES:
        raise Unreadable(msg("unreadable_dtype", dtype=_DTYPE.__get__(value)))
    if _NUMEL(value) > MAX_ELEMENTS:
        raise Unreadable(msg("unreadable_size", count=f"{MAX_ELEMENTS:,}"))
    return _TOLIST(value)


def encode(value: Any, depth: int = 0) -> Any:
    """Plain JSON data for ``value`` (see the module docstring)."""
    kind = type(value)
    if value is None or kind is bool or (kind is str and len(value) <= MAX_STR):
        return value
    if kind is str:
        return value[:MAX_STR] + "…"
    if kind is int:
        if abs(value) >= 10**MAX_INT_DIGITS:
            return {"$object": "int", "why": msg("very_large_int")}
        return value
    if kind is float:
        return value
    if depth >= MAX_DEPTH:
        return {"$object": type_name(value), "why": msg("nested_too_deeply")}
    if kind is TENSOR:
        try:
            values = tensor_values(value)
        except Unreadable as exc:
            return {"$object": "torch.Tensor", "why": exc.text}
        return {
            "$tensor": {
                "shape": [int(n) for n in _SHAPE.__get__(value)],
                "dtype": str(_DTYPE.__get__(value)),
                "values": values,
            }
        }
    if kind is list or kind is tuple:
        if len(value) > MAX_ELEMENTS:
            return {"$object": type_name(value), "why": msg("too_many_items", count=len(value))}
        items = [encode(v, depth + 1) for v in value]
        return {"$tuple": items} if kind is tuple else items
    if kind is dict:
        out: dict[str, Any] = {}
        for key, item in _DICT_ITEMS(value):
            if type(key) is not str:
                return {"$object": "dict", "why": msg("keys_not_str")}
            out["_" + key if key.startswith("$") else key] = encode(item, depth + 1)
        return out
    if kind is numpy.float64:  # a subclass of float: it is a Python float, as far as tasks go
        return float(_NUMPY_ITEM(value))
    if kind in _NUMPY_SCALARS:
        plain = _NUMPY_SCALARS[kind](_NUMPY_ITEM(value))
        return {"$object": type_name(value), "value": plain}
    return {"$object": type_name(value)}

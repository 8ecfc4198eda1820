"""Which layers a forward pass went through, with their shapes (the sandboxed side).

While the probe runs, two global module hooks note each ``nn.Module`` call:
the layer's torch class, its configuration (``in_features``, ``kernel_size``,
``input_size``, …), the shape of its first input and of its output. When
student code raises inside a check, :func:`fault` turns what was noted into
plain data — the exception's name and message, the layers still running
(innermost last: the one that raised) and the leaf layers of the same
outermost call that finished before it — which :mod:`grader.verdict.explain` reads in the app's process.

The hooks never change a result and never raise: anything they cannot read
(a student's own property, a tensor subclass) is left out. Only shapes,
numbers and class names are kept, never a tensor.
"""

from __future__ import annotations

from typing import Any

import torch

from grader.inside import tracebacks

KEPT = 48  # finished leaf layers kept (the last ones)
_CONFIG = (
    "in_features",
    "out_features",
    "in_channels",
    "out_channels",
    "kernel_size",
    "stride",
    "padding",
    "input_size",
    "hidden_size",
    "num_layers",
    "bidirectional",
    "batch_first",
    "num_embeddings",
    "embedding_dim",
    "padding_idx",
    "num_features",
    "start_dim",
    "end_dim",
    "p",
    "dim",
)
_TENSOR = torch.Tensor
_ISINSTANCE, _TYPE, _LEN, _INT, _STR = isinstance, type, len, int, str
_DICT_OF = object.__getattribute__
_EMBEDDING = torch.nn.Embedding
_LOSS = torch.nn.modules.loss._Loss


def _torch_class(module: Any) -> tuple[str, bool]:
    """The nearest ``torch.nn`` class of ``module`` by name, and whether there was one."""
    for cls in _TYPE(module).__mro__:
        if _STR(cls.__module__).startswith("torch.nn.modules"):
            if cls.__name__ != "Module":
                return _STR(cls.__name__)[:40], True
            break
    return _STR(_TYPE(module).__name__)[:40], False


def _plain(value: Any) -> Any:
    kind = _TYPE(value)
    if kind in (bool, int) or (kind is float and value == value):
        return value
    if kind is str and _LEN(value) <= 12:
        return value
    if kind is tuple and _LEN(value) <= 4 and all(_TYPE(v) is int for v in value):
        return list(value)
    return None


def _config(module: Any) -> dict[str, Any]:
    try:
        attributes = _DICT_OF(module, "__dict__")
    except Exception:
        return {}
    found: dict[str, Any] = {}
    for key in _CONFIG:
        value = _plain(attributes.get(key))
        if value is not None:
            found[key] = value
    return found


def _shape(value: Any) -> list[int] | None:
    if _TYPE(value) in (tuple, list) and value:
        value = value[0]
    if _TYPE(value) is not _TENSOR and not _ISINSTANCE(value, _TENSOR):
        return None
    try:
        return [_INT(n) for n in value.shape]
    except Exception:
        return None


def _dtype(value: Any) -> str | None:
    if _TYPE(value) in (tuple, list) and value:
        value = value[0]
    if not _ISINSTANCE(value, _TENSOR):
        return None
    try:
        return _STR(value.dtype).replace("torch.", "")
    except Exception:
        return None


class Tracer:
    """Notes module calls between :meth:`reset` and :func:`fault`."""

    def __init__(self) -> None:
        self.running: list[tuple[Any, dict[str, Any]]] = []
        self.finished: list[dict[str, Any]] = []
        self.handles: list[Any] = []

    def install(self) -> None:
        """Start noting module calls (once per process)."""
        if self.handles:
            return
        hooks = torch.nn.modules.module
        self.handles = [
            hooks.register_module_forward_pre_hook(self._before),
            hooks.register_module_forward_hook(self._after),
        ]

    def reset(self) -> None:
        self.running = []
        self.finished = []

    def _before(self, module: Any, args: Any) -> None:
        try:
            if not self.running:  # a new outermost call: only its own layers count
                self.finished = []
            name, known = _torch_class(module)
            entry: dict[str, Any] = {"type": name, "torch": known, "config": _config(module)}
            entry["in"] = _shape(args)
            entry["dtype"] = _dtype(args)
            if _ISINSTANCE(module, _EMBEDDING) and _ISINSTANCE(args[0], _TENSOR):
                ids = args[0]
                if ids.numel() and not ids.is_floating_point():
                    entry["ids"] = [_INT(ids.min()), _INT(ids.max())]
            if _ISINSTANCE(module, _LOSS) and _LEN(args) > 1:
                entry["target"] = _shape(args[1])
                entry["target_dtype"] = _dtype(args[1])
                if _ISINSTANCE(args[0], _TENSOR) and args[0].numel():
                    values = args[0].detach()
                    entry["range"] = [float(values.min()), float(values.max())]
            entry["leaf"] = not _DICT_OF(module, "_modules")
            if entry["leaf"]:
                tensors = _DICT_OF(module, "_parameters").values()
                entry["params"] = sum(_INT(t.numel()) for t in tensors if t is not None)
            if _LEN(self.running) < 200:
                self.running.append((module, entry))
        except Exception:
            return None

    def _after(self, module: Any, args: Any, output: Any) -> None:
        try:
            for i in range(_LEN(self.running) - 1, -1, -1):
                if self.running[i][0] is module:
                    entry = self.running[i][1]
                    del self.running[i:]
                    break
            else:
                return None
            entry["out"] = _shape(output)
            if entry["leaf"]:
                self.finished.append(entry)
                if _LEN(self.finished) > KEPT:
                    del self.finished[0]
        except Exception:
            return None


TRACER = Tracer()


_KEYS = (
    "type",
    "torch",
    "config",
    "in",
    "out",
    "dtype",
    "ids",
    "target",
    "target_dtype",
    "params",
)


def fault_layers(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The noted layers as plain data (what :func:`fault` sends of each)."""
    return [{k: e[k] for k in _KEYS if e.get(k) is not None} for e in entries]


def fault(exc: BaseException) -> dict[str, Any] | None:
    """What a failure inside a check looked like, as plain data for :mod:`grader.verdict.explain`
    (None if student code broke what it needs: the check's error is reported all the same)."""
    try:
        return _fault(exc)
    except Exception:
        return None


def _fault(exc: BaseException) -> dict[str, Any]:
    lines = tracebacks.submission_lines(exc.__traceback__)
    running = [entry for _module, entry in TRACER.running][-8:]
    record: dict[str, Any] = {
        "exception": tracebacks.exception_name(exc),
        "message": tracebacks.exception_text(exc),
        "line": lines[-1][0] if lines else None,
        "running": fault_layers(running),
        "finished": fault_layers(TRACER.finished[-24:]),
    }
    if running and running[-1].get("range") is not None:
        record["running"][-1]["range"] = running[-1]["range"]
    TRACER.reset()
    return record

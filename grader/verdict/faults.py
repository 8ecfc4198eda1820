"""A fault as the sandboxed child reported it, read defensively, and the words to explain it.

The child (:mod:`grader.inside.layertrace`) sends plain data from an untrusted process:
:meth:`Fault.read` keeps only checked names and numbers, and anything malformed yields None.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from grader.text import Text

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,39}$")
CONV = ("Conv1d", "Conv2d")
POOL = ("MaxPool2d", "AvgPool2d", "MaxPool1d", "AvgPool1d", "AdaptiveAvgPool2d")
RNN = ("LSTM", "GRU", "RNN")


def say(en: str, ko: str, **params: object) -> Text:
    return {"en": en.format(**params), "ko": ko.format(**params)}


def join(*parts: Text) -> Text:
    return {lang: " ".join(p[lang] for p in parts if p.get(lang)) for lang in ("en", "ko")}


def shape_text(shape: Sequence[object] | None) -> str:
    if not shape:
        return "?"
    return "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


def _ints(value: Any, most: int = 8) -> list[int] | None:
    if type(value) is not list or len(value) > most:
        return None
    if not all(type(v) is int and -(10**12) < v < 10**12 for v in value):
        return None
    return list(value)


@dataclass(frozen=True)
class Layer:
    """One layer call as the child noted it (only checked values are kept)."""

    type: str
    torch: bool
    config: dict[str, int | bool | float | str | list[int]] = field(default_factory=dict)
    shape_in: list[int] | None = None
    shape_out: list[int] | None = None
    dtype: str | None = None
    ids: list[int] | None = None
    target: list[int] | None = None
    target_dtype: str | None = None
    range: list[float] | None = None

    @classmethod
    def read(cls, data: Any) -> Layer | None:
        if not isinstance(data, dict):
            return None
        name = data.get("type")
        if type(name) is not str or not _NAME.match(name):
            return None
        config: dict[str, int | bool | float | str | list[int]] = {}
        raw = data.get("config")
        if isinstance(raw, dict):
            for key, value in list(raw.items())[:24]:
                if type(key) is not str or not _NAME.match(key):
                    continue
                if type(value) in (int, bool, float) or (type(value) is str and _NAME.match(value)):
                    config[key] = value
                elif _ints(value, 4) is not None:
                    config[key] = list(value)
        span = data.get("range")
        ok_range = (
            type(span) is list
            and len(span) == 2
            and all(type(v) is float and math.isfinite(v) for v in span)
        )

        def word(key: str) -> str | None:
            value = data.get(key)
            return value if type(value) is str and _NAME.match(value) else None

        return cls(
            type=name,
            torch=data.get("torch") is True,
            config=config,
            shape_in=_ints(data.get("in")),
            shape_out=_ints(data.get("out")),
            dtype=word("dtype"),
            ids=_ints(data.get("ids"), 2),
            target=_ints(data.get("target")),
            target_dtype=word("target_dtype"),
            range=[float(v) for v in span] if ok_range and span else None,
        )

    def get(self, key: str) -> int | None:
        value = self.config.get(key)
        if type(value) is list and value:
            value = value[0]
        return value if type(value) is int else None

    def flag(self, key: str) -> bool:
        return self.config.get(key) is True

    @property
    def call(self) -> str:
        """How the layer was built, as the student would write it: ``nn.Linear(3136, 128)``."""
        if not self.torch:
            return self.type
        c = self.get
        if self.type == "Linear":
            return f"nn.Linear({c('in_features')}, {c('out_features')})"
        if self.type in CONV:
            pad = self.config.get("padding")
            pad_text = pad if type(pad) is str else c("padding")
            return (
                f"nn.{self.type}({c('in_channels')}, {c('out_channels')}, "
                f"kernel_size={c('kernel_size')}, padding={pad_text})"
            )
        if self.type in RNN:
            extra = ", bidirectional=True" if self.flag("bidirectional") else ""
            extra += ", batch_first=True" if self.flag("batch_first") else ""
            return (
                f"nn.{self.type}(input_size={c('input_size')}, "
                f"hidden_size={c('hidden_size')}{extra})"
            )
        if self.type == "Embedding":
            return f"nn.Embedding({c('num_embeddings')}, {c('embedding_dim')})"
        if self.type in POOL[:4] and c("kernel_size") is not None:
            return f"nn.{self.type}({c('kernel_size')})"
        return f"nn.{self.type}"

    @property
    def features_out(self) -> int | None:
        """How many features each of this layer's outputs has (its last dimension)."""
        return self.shape_out[-1] if self.shape_out else None


@dataclass(frozen=True)
class Fault:
    exception: str
    message: str
    line: int | None
    running: list[Layer]
    finished: list[Layer]

    @classmethod
    def read(cls, data: Any) -> Fault | None:
        if not isinstance(data, dict):
            return None
        exception, message, line = data.get("exception"), data.get("message"), data.get("line")
        if type(exception) is not str or type(message) is not str:
            return None
        layers: dict[str, list[Layer]] = {}
        for key in ("running", "finished"):
            raw = data.get(key)
            items = raw[-48:] if type(raw) is list else []
            layers[key] = [layer for layer in map(Layer.read, items) if layer is not None]
        return cls(
            exception=exception[:60],
            message=message[:600],
            line=line if type(line) is int and 0 < line < 10**6 else None,
            running=layers["running"],
            finished=layers["finished"],
        )

    @property
    def failing(self) -> Layer | None:
        """The innermost torch layer that was running when the error was raised."""
        for layer in reversed(self.running):
            if layer.torch:
                return layer
        return None

    def where(self) -> Text:
        if self.line is None:
            return say("", "")
        return say("(line {line})", "({line}번 줄)", line=self.line)

    def before(self, layer: Layer | None = None) -> list[Layer]:
        """The leaf layers that ran before the failing one in the same outermost call."""
        return list(self.finished)


def at(fault: Fault, en: str, ko: str, **params: object) -> Text:
    """:func:`say`, with ``{where}`` / ``{where_ko}`` naming the fault's line."""
    where = fault.where()
    return say(en, ko, where=where["en"], where_ko=where["ko"], **params)

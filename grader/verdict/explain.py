"""Explaining a PyTorch error raised by student code: which layer, which numbers, why.

The sandboxed child sends a *fault* with a check that raised (see
:mod:`grader.inside.layertrace`): the exception's name and message, the layers that
were running (innermost last) and the leaf layers that had finished, with
their configuration and shapes. This module, in the app's process and without
torch, reads that plain data (from an untrusted process: anything malformed
yields no explanation) and names the common mistakes in both languages with
the textbook page: a Linear whose ``in_features`` is not the flattened size
(with the shape after each conv/pool and what ``padding`` would give), a
missing flatten, Conv2d channels, an LSTM/GRU ``input_size``, Embedding ids
out of range (swapped arguments), ``view``/``reshape`` sizes, loss targets,
BCELoss's range, dtypes and devices. Only numbers and layer class names from
the fault are ever quoted, never the message itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from grader.text import Text
from grader.verdict.explain_layers import conv, embedding, linear_size, rnn, view
from grader.verdict.explain_losses import device, dtype, loss, loss_target
from grader.verdict.faults import Fault, at, shape_text
from grader.verdict.result import Diagnosis

Explainer = Callable[[Fault], tuple[str, Text] | None]


def _inside_layer(fault: Fault) -> tuple[str, Text] | None:
    """Nothing more specific: at least the layer that raised and what it was given."""
    layer = fault.failing
    if layer is None or fault.exception not in ("RuntimeError", "IndexError", "ValueError"):
        return None
    return "runtime-layer", at(
        fault,
        "The {exception} was raised inside {name} {where}, given an input of shape {shape}: "
        "check that layer's arguments against the shape of what feeds it.",
        "{exception}이(가) {name} 안에서 발생했습니다 {where_ko}. 입력 모양은 {shape}입니다: 그 층의 "
        "인자가 들어오는 값의 모양과 맞는지 확인하세요.",
        exception=fault.exception,
        name=layer.call,
        shape=shape_text(layer.shape_in),
    )


EXPLAINERS: tuple[Explainer, ...] = (
    linear_size,
    conv,
    rnn,
    embedding,
    view,
    loss,
    loss_target,
    dtype,
    device,
    _inside_layer,
)


def explain(data: Any) -> Diagnosis | None:
    """The explanation of one fault (see :mod:`grader.inside.layertrace`), or None."""
    fault = Fault.read(data)
    if fault is None:
        return None
    for explainer in EXPLAINERS:
        found = explainer(fault)
        if found is not None:
            key, text = found
            words = {lang: " ".join(text[lang].split()) for lang in ("en", "ko")}
            return Diagnosis(id=key, message=words)
    return None


def explain_all(faults: Sequence[Any], most: int = 2) -> list[Diagnosis]:
    """One explanation per error, in check order: the same exception on the same line
    (whatever the batch size) is explained once."""
    found: list[Diagnosis] = []
    seen: set[str] = set()
    for data in faults:
        fault = Fault.read(data)
        if fault is None:
            continue
        key = f"{fault.line}:{fault.exception}:{re.sub(r'[0-9]+', '#', fault.message)}"
        if key in seen:
            continue
        diagnosis = explain(data)
        if diagnosis is not None and all(d.id != diagnosis.id for d in found):
            seen.add(key)
            found.append(diagnosis)
        if len(found) >= most:
            break
    return found

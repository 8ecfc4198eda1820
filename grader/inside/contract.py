"""Inputs drawn from a task's contract, and the input classes each one belongs to.

A function task's ``task.yaml`` may hold a ``contract:`` (validated by
:mod:`question_bank.contract`; the grader gets it as plain data). :func:`cases`
draws the inputs the prompt allows, deterministically from a seed: first one case
per declared class — its boundary: the smallest and the largest shape (an empty
tensor when a dimension may be 0), the ends of an int's range, each dtype, layout
and special value, each module state — then ``draws`` random combinations. Every
case lists the classes it belongs to, which is what ``quizapp bank verify``
counts (:func:`declared` lists what a contract declares).

The same seed gives the same cases in the reference's run and the submission's,
and nothing here calls the submission, so the draws cannot be steered by it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch

from grader.inside.contract_classes import declared as declared
from grader.inside.contract_classes import effects as effects
from grader.inside.contract_values import (
    FLOATS,
    Draw,
    Plain,
    dim_ranges,
    draw_sentences,
    draw_tensor,
    draw_token_batch,
    draw_vocab,
    sentence_classes,
    token_batch_classes,
)

_EVAL = eval  # captured before any submission runs (as everything the draws rely on)

MAX_TRIES = 200


class ContractError(Exception):
    """The contract cannot be drawn from (a bank bug: the reference run reports it)."""


@dataclass
class Case:
    """One call's inputs: argument values by name (``None`` for a given object), how the
    call is made and what the caller's state is, and the classes this case belongs to."""

    values: dict[str, Any]
    omitted: set[str] = field(default_factory=set)
    call: str = "positional"
    entry: str | None = None
    states: dict[str, str] = field(default_factory=dict)
    classes: list[str] = field(default_factory=list)
    summary: list[tuple[str, str]] = field(default_factory=list)  # (English, Korean)

    def describe(self, lang: str) -> str:
        return ", ".join(en if lang == "en" else ko for en, ko in self.summary)


def _aim(target: str | None, name: str) -> tuple[str | None, str | None]:
    """What ``target`` asks of argument ``name``: ``(facet, value)`` — ``("dtype", "int64")``
    for ``x.dtype=int64``, ``("", "min")`` for ``n=min``, ``("empty", "")`` for
    ``sentences.empty`` — or ``(None, None)`` when it is about something else."""
    if target is None:
        return None, None
    if target.startswith(f"{name}="):
        return "", target[len(name) + 1 :]
    if target.startswith(f"{name}."):
        facet, _, value = target[len(name) + 1 :].partition("=")
        return facet, value
    return None, None


@dataclass
class _Drawing:
    """One case being drawn: the generator, the class it must belong to (``None``: anything
    allowed), and the tensors drawn so far (an argument may be ``like`` another)."""

    contract: Plain
    d: Draw
    target: str | None
    case: Case = field(default_factory=lambda: Case(values={}))
    tensors: dict[str, tuple[list[int], str, str, bool]] = field(default_factory=dict)


def _draw_case(contract: Plain, d: Draw, target: str | None) -> Case:
    """One case; ``target`` is the class it must belong to (``None``: anything allowed)."""
    drawing = _Drawing(contract, d, target)
    # A vocabulary is drawn before the sentences made of its tokens, and a batch of token
    # sequences after the padding id it may hold, wherever they are listed.
    order = sorted(
        contract["args"].items(),
        key=lambda item: (item[1]["type"] != "vocab", item[1]["type"] == "token-batch"),
    )
    for name, arg in order:
        drawer = _DRAWERS.get(arg["type"])
        if drawer is not None:
            facet, mine = _aim(target, name)
            drawer(drawing, name, arg, facet, mine)
    _draw_call(drawing)
    return drawing.case


def _tensor_spec(
    w: _Drawing, name: str, arg: Plain, facet: str | None, mine: str | None
) -> tuple[list[int], str, str, bool, str | None]:
    """A tensor argument's shape, dtype, layout, requires_grad and special value; notes its
    classes."""
    d, target, case = w.d, w.target, w.case
    dims = dim_ranges(arg["shape"])
    if facet == "shape":
        shape = [lo if mine == "min" else hi for lo, hi in dims]
    else:
        shape = [d.num(lo, hi) for lo, hi in dims]
    dtypes = arg.get("dtypes", ["float32"])
    special = mine if facet == "special" else None
    if special is None and target is None and arg.get("special") and d.num(0, 3) == 0:
        special = d.pick(arg["special"])
    if special == "large-int64":
        dtype = "int64"
    elif special == "negative":
        signed = [t for t in dtypes if t not in ("uint8", "bool")]
        dtype = str(mine) if facet == "dtype" else signed[0] if target else d.pick(signed)
    elif facet == "dtype":
        dtype = str(mine)
    else:
        dtype = dtypes[0] if target else d.pick(dtypes)
    layouts = arg.get("layouts", ["contiguous"])
    layout = str(mine) if facet == "layout" else "contiguous" if target else d.pick(layouts)
    grad_target = facet == "requires_grad"
    can_grad = bool(arg.get("requires_grad")) and dtype in FLOATS
    grad = can_grad and (grad_target or (target is None and d.num(0, 2) == 0))
    if grad_target and not can_grad:
        dtype = next(t for t in dtypes if t in FLOATS)
        grad = True
    if layout == "transposed" and len(shape) < 2:
        layout = "contiguous"
    case.classes += [f"{name}.dtype={dtype}", f"{name}.layout={layout}"]
    if shape == [lo for lo, _ in dims]:
        case.classes.append(f"{name}.shape=min")
    if shape == [hi for _, hi in dims]:
        case.classes.append(f"{name}.shape=max")
    case.classes += [f"{name}.requires_grad"] if grad else []
    case.classes += [f"{name}.special={special}"] if special else []
    return shape, dtype, layout, grad, special


def _draw_tensor_arg(
    w: _Drawing, name: str, arg: Plain, facet: str | None, mine: str | None
) -> None:
    like = arg.get("like")
    special: str | None
    if like:
        shape, dtype, layout, grad = w.tensors[like]
        special = None
    else:
        shape, dtype, layout, grad, special = _tensor_spec(w, name, arg, facet, mine)
        w.tensors[name] = (shape, dtype, layout, grad)
    w.case.values[name] = draw_tensor(w.d, arg, shape, dtype, layout, grad, special)
    words = [_WORDS[word] for word in (layout, "grad" if grad else "", special or "") if word]
    words = [word for word in words if word[0]]
    head = f"{name} {tuple(shape)} {dtype}"
    w.case.summary.append(
        (
            ", ".join([head, *(en for en, _ in words)]),
            ", ".join([head, *(ko for _, ko in words)]),
        )
    )


def _draw_int(w: _Drawing, name: str, arg: Plain, facet: str | None, mine: str | None) -> None:
    low, high = arg["range"]
    case = w.case
    omit = mine == "omitted" or (w.target is None and w.d.num(0, 2) == 0)
    if arg.get("default") is not None and omit:
        case.omitted.add(name)
        case.classes.append(f"{name}=omitted")
        return
    number = low if mine == "min" else high if mine == "max" else w.d.num(low, high)
    case.values[name] = number
    case.classes += [f"{name}=min"] if number == low else []
    case.classes += [f"{name}=max"] if number == high else []
    case.summary.append((f"{name}={number}", f"{name}={number}"))


def _draw_number(w: _Drawing, name: str, arg: Plain, facet: str | None, mine: str | None) -> None:
    d = w.d
    low, high = arg.get("range", [-9, 9])
    kinds = arg.get("kinds", ["int", "float"])
    chosen = str(mine) if facet == "kind" else d.pick(kinds)
    amount: int | float = (
        d.num(int(low), int(high))
        if chosen == "int"
        else round(low + (high - low) * d.num(0, 1000) / 1000, 3) + 0.5
    )
    w.case.values[name] = amount
    w.case.classes.append(f"{name}.kind={chosen}")
    w.case.summary.append((f"{name}={amount!r}", f"{name}={amount!r}"))


def _draw_vocab(w: _Drawing, name: str, arg: Plain, facet: str | None, mine: str | None) -> None:
    w.case.values[name] = draw_vocab(w.d, arg)
    size = len(w.case.values[name])
    w.case.summary.append((f"{name}: {size} tokens", f"{name}: 토큰 {size}개"))


def _wanted(w: _Drawing, arg: Plain, facet: str | None) -> str | None:
    """The class a sentences or token-batch argument is drawn for."""
    if w.target is None and arg.get("classes") and w.d.num(0, 1) == 0:
        return str(w.d.pick(arg["classes"]))
    return facet


def _draw_sentences(
    w: _Drawing, name: str, arg: Plain, facet: str | None, mine: str | None
) -> None:
    case = w.case
    vocab = case.values[arg["vocab"]]
    sentences = draw_sentences(w.d, arg, vocab, _wanted(w, arg, facet))
    case.values[name] = sentences
    case.classes += [
        f"{name}.{c}" for c in sentence_classes(sentences, vocab, arg.get("classes", []))
    ]
    count = len(sentences)
    case.summary.append((f"{name}: {count} sentences", f"{name}: 문장 {count}개"))


def _draw_token_batch(
    w: _Drawing, name: str, arg: Plain, facet: str | None, mine: str | None
) -> None:
    case = w.case
    pad_name = arg.get("pad")
    pad: int | None = None
    if pad_name is not None:
        pad = (
            w.contract["args"][pad_name].get("default")
            if pad_name in case.omitted
            else case.values.get(pad_name)
        )
    batch = draw_token_batch(w.d, arg, pad, _wanted(w, arg, facet))
    case.values[name] = batch
    case.classes += [f"{name}.{c}" for c in token_batch_classes(batch, pad, arg.get("classes", []))]
    lengths = ", ".join(str(len(t)) for t, _ in batch)
    case.summary.append(
        (
            f"{name}: {len(batch)} sequences of lengths {lengths}",
            f"{name}: 시퀀스 {len(batch)}개, 길이 {lengths}",
        )
    )


def _draw_given(w: _Drawing, name: str, arg: Plain, facet: str | None, mine: str | None) -> None:
    case = w.case
    case.values[name] = None
    states = arg.get("states", [])
    if states:
        state = mine if facet == "state" and mine else w.d.pick(states)
        case.states[name] = state
        case.classes.append(f"{name}.state={state}")
        en, ko = _WORDS[state]
        case.summary.append((f"{name} {en}", f"{name} {ko}"))


def _draw_call(w: _Drawing) -> None:
    """How the call is made (positional or keywords) and the caller's state on entry."""
    case, target, d = w.case, w.target, w.d
    calls = w.contract.get("calls", ["positional"])
    case.call = target[5:] if target and target.startswith("call=") else calls[0]
    if target is None:
        case.call = d.pick(calls)
    case.classes.append(f"call={case.call}")
    if case.call == "keywords":
        case.summary.append(_WORDS["keywords"])
    entries = w.contract.get("entry", [])
    if target and target.startswith("entry="):
        case.entry = target[6:]
    elif target is None and entries and d.num(0, 2) == 0:
        case.entry = d.pick(entries)
    if case.entry:
        case.classes.append(f"entry={case.entry}")
        case.summary.append(_WORDS[case.entry])


_DRAWERS: dict[str, Callable[[_Drawing, str, Plain, str | None, str | None], None]] = {
    "tensor": _draw_tensor_arg,
    "int": _draw_int,
    "number": _draw_number,
    "vocab": _draw_vocab,
    "sentences": _draw_sentences,
    "token-batch": _draw_token_batch,
    "given": _draw_given,
}


_WORDS = {
    "contiguous": ("", ""),
    "transposed": ("transposed", "전치됨"),
    "sliced": ("every other column (a view)", "한 열 건너 하나씩 (뷰)"),
    "grad": ("requires grad", "requires_grad=True"),
    "large-int64": ("int64 values above 2**40", "2**40보다 큰 int64 값"),
    "negative": ("all negative", "모두 음수"),
    "train": ("in train mode", "학습 모드"),
    "eval": ("in eval mode", "평가 모드"),
    "grads": ("already holding gradients", "이미 기울기를 가짐"),
    "keywords": ("arguments by keyword", "키워드 인자로 호출"),
    "grad-disabled": ("called with gradients disabled", "기울기 추적을 끈 상태에서 호출"),
}


def _holds(contract: Plain, case: Case) -> bool:
    where = contract.get("where")
    if not where:
        return True
    names = {k: v for k, v in case.values.items() if k not in case.omitted}
    for name, arg in contract["args"].items():
        if name in case.omitted and arg["type"] == "int":
            names[name] = arg.get("default")
    try:  # the bank author's condition, over the drawn values only
        return bool(_EVAL(where, {"__builtins__": {}, **_WHERE}, names))
    except NameError:
        return True


_WHERE: dict[str, Callable[..., Any]] = {"len": len, "min": min, "max": max, "abs": abs}


def cases(contract: Plain, seed: int) -> list[Case]:
    """The boundary case of every declared class, then ``draws`` random ones."""
    d = Draw(seed)
    out: list[Case] = []
    targets: list[str | None] = [*declared(contract)]
    targets += [None] * int(contract.get("draws", 6))
    covered: set[str] = set()
    for target in targets:
        if target is not None and target in covered:
            continue
        for _ in range(MAX_TRIES):
            case = _draw_case(contract, d, target)
            if _holds(contract, case) and (target is None or target in case.classes):
                break
        else:
            raise ContractError(f"no input of class {target} meets the contract's `where`")
        covered.update(case.classes)
        out.append(case)
    return out


def snapshot(value: Any) -> Any:
    """A copy of an argument to compare with after the call (tensors detached)."""
    if isinstance(value, torch.Tensor):
        return value.detach().clone()
    if isinstance(value, torch.nn.Module):
        return {k: v.detach().clone() for k, v in value.state_dict().items()}
    if isinstance(value, (list, tuple)) and _holds_tensor(value):
        return type(value)(snapshot(v) for v in value)  # (tokens, label) pairs
    try:
        return copy.deepcopy(value)
    except Exception:  # an object that cannot be copied: nothing to compare
        return None


def _holds_tensor(value: Any) -> bool:
    if isinstance(value, (list, tuple)):
        return any(_holds_tensor(v) for v in value)
    return isinstance(value, torch.Tensor)


def same(before: Any, after: Any) -> bool:
    """Does ``after`` still hold what ``before`` (a :func:`snapshot`) held?"""
    if isinstance(after, torch.Tensor):
        now = after.detach()
        return (
            isinstance(before, torch.Tensor)
            and now.dtype == before.dtype
            and now.shape == before.shape
            and bool(torch.equal(now, before))
        )
    if isinstance(after, torch.nn.Module):
        state = after.state_dict()
        return set(state) == set(before) and all(
            state[k].dtype == before[k].dtype and torch.equal(state[k].detach(), before[k])
            for k in state
        )
    if before is None:
        return True
    if isinstance(after, (list, tuple)) and _holds_tensor(after):
        return (  # a list of tensors (or of pairs holding them): item by item
            type(before) is type(after)
            and len(before) == len(after)
            and all(same(b, a) for b, a in zip(before, after, strict=True))
        )
    try:
        return bool(before == after) and type(before) is type(after)
    except Exception:
        return False

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

_RANDN, _RAND, _RANDINT, _RANDPERM = torch.randn, torch.rand, torch.randint, torch.randperm
_GENERATOR = torch.Generator
_EVAL = eval  # captured before any submission runs (as everything the draws rely on)
_TENSOR = torch.tensor

Plain = dict[str, Any]

FLOATS = {"float32", "float64", "float16"}
LARGE = 2**40  # int64 values past float32's (2**24) and float64's exact range steps
WORDS = ["나는", "학교에", "간다", "밥을", "먹는다", "오늘", "영화가", "좋다", "정말", "책을"]
CAPITALISED = ["Seoul", "PyTorch", "LSTM", "AI"]
UNKNOWN = ["커피를", "마신다", "도서관에", "seoul", "pytorch", "모름"]
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


# -- drawing -------------------------------------------------------------------------


class _Draw:
    def __init__(self, seed: int) -> None:
        self.gen = _GENERATOR().manual_seed(seed)

    def num(self, low: int, high: int) -> int:
        """An int in [low, high]."""
        return int(_RANDINT(low, high + 1, (1,), generator=self.gen)[0])

    def pick(self, options: list[Any]) -> Any:
        return options[self.num(0, len(options) - 1)]

    def perm(self, n: int) -> list[int]:
        return [int(i) for i in _RANDPERM(n, generator=self.gen).tolist()]


def _dims(shape: list[Any]) -> list[tuple[int, int]]:
    return [(d, d) if isinstance(d, int) else (int(d[0]), int(d[1])) for d in shape]


def _tensor(
    d: _Draw, arg: Plain, shape: list[int], dtype: str, layout: str, grad: bool, special: str | None
) -> torch.Tensor:
    torch_dtype = getattr(torch, dtype)
    numel = 1
    for n in shape:
        numel *= n
    low, high = arg.get("values", [-3, 3])
    if special == "negative":  # drawn positive, then negated
        low, high = 1, max(abs(low), abs(high)) + 1
    if special == "large-int64":
        order = d.perm(numel)
        if numel > 1 and order[0] == numel - 1:  # the largest not first: a tie-break never hides it
            order = order[1:] + order[:1]
        flat = _TENSOR([LARGE + i for i in order], dtype=torch.int64)
    elif arg.get("unique") or dtype == "bool":
        ranks = _TENSOR(d.perm(numel), dtype=torch.float64)
        if dtype == "bool":
            flat = ranks.remainder(2).to(torch.bool)
        elif dtype in FLOATS:
            flat = (low + ranks * (high - low) / max(numel, 1)).to(torch_dtype)
        else:
            flat = (ranks + int(low)).to(torch_dtype)
    elif dtype in FLOATS:
        flat = (_RAND((numel,), generator=d.gen, dtype=torch.float64) * (high - low) + low).to(
            torch_dtype
        )
    else:
        lo = max(int(low), int(torch.iinfo(torch_dtype).min))
        hi = min(int(high), int(torch.iinfo(torch_dtype).max))
        flat = _RANDINT(lo, hi + 1, (numel,), generator=d.gen, dtype=torch.int64).to(torch_dtype)
    if special == "negative":
        flat = -flat
    values = flat.reshape(shape)
    if layout == "transposed":
        order = list(range(len(shape)))[::-1]
        base = values.permute(order).contiguous()
    elif layout == "sliced":
        base = torch.zeros([*shape[:-1], shape[-1] * 2], dtype=torch_dtype)
        base[..., ::2] = values
    else:
        base = values.clone()
    if grad:
        base.requires_grad_(True)
    if layout == "transposed":
        return base.permute(list(range(len(shape)))[::-1])
    if layout == "sliced":
        return base[..., ::2]
    return base


def _vocab(d: _Draw, arg: Plain) -> dict[str, int]:
    low, high = arg.get("size", [4, 10])
    size = d.num(max(low, 3), max(high, 3))
    words = [WORDS[i] for i in d.perm(len(WORDS))][: size - 2] + CAPITALISED[:2]
    ids = d.perm(len(words))
    return {word: ids[i] for i, word in enumerate(words)}


def _sentences(d: _Draw, arg: Plain, vocab: dict[str, int], target: str | None) -> Any:
    known = list(vocab)
    count_low, count_high = arg.get("count", [0, 4])
    length_low, length_high = arg.get("length", [0, 7])
    if target == "empty":
        return []
    count = d.num(max(count_low, 1), max(count_high, 1))
    out = []
    for _ in range(count):
        length = d.num(length_low, length_high)
        out.append([d.pick(known) if d.num(0, 4) else d.pick(UNKNOWN) for _ in range(length)])
    spot = d.num(0, count - 1)
    zero = next(w for w, i in vocab.items() if i == 0)
    capital = next((w for w in vocab if w[:1].isupper()), None)
    if target == "empty-sentence":
        out[spot] = []
    elif target == "unknown":
        out[spot] = [*out[spot][:1], d.pick(UNKNOWN)]
    elif target == "capitals" and capital is not None:
        out[spot] = [capital, *out[spot][:2]]
    elif target == "id-zero":
        out[spot] = [zero, *out[spot][:2]]
    elif target == "duplicates":
        word = d.pick(known)
        out[spot] = [word, word, *out[spot][:1], word]
    return out


def _sentence_classes(sentences: Any, vocab: dict[str, int], declared: list[str]) -> list[str]:
    tokens = [t for s in sentences for t in s]
    found = {
        "empty": not sentences,
        "empty-sentence": any(not s for s in sentences),
        "unknown": any(t not in vocab for t in tokens),
        "capitals": any(t in vocab and t[:1].isupper() for t in tokens),
        "id-zero": any(vocab.get(t, -1) == 0 for t in tokens),
        "duplicates": any(len(set(s)) < len(s) for s in sentences),
    }
    return [c for c in declared if found.get(c)]


def _token_batch(
    d: _Draw, arg: Plain, pad: int | None, target: str | None
) -> list[tuple[torch.Tensor, int]]:
    """A list of ``(tokens, label)`` pairs; ``target`` is the class it must hold."""
    count_low, count_high = arg.get("count", [1, 4])
    length_low, length_high = arg.get("length", [1, 7])
    id_low, id_high = arg.get("ids", [0, 50])
    label_low, label_high = arg.get("labels", [0, 3])
    if target == "one":
        count = 1
    else:
        count = d.num(max(count_low, 2) if target == "equal-lengths" else count_low, count_high)
    same_length = d.num(length_low, length_high)
    lengths = [
        same_length if target == "equal-lengths" else d.num(length_low, length_high)
        for _ in range(count)
    ]
    spot = d.num(0, count - 1)
    if target == "length-one":
        lengths[spot] = 1
    out = []
    for i, length in enumerate(lengths):
        if target == "large-ids":
            ids = [LARGE + d.num(0, 10**6) for _ in range(length)]
        else:
            ids = [d.num(id_low, id_high) for _ in range(length)]
        if target == "pad-inside" and i == spot and pad is not None:
            ids[d.num(0, length - 1)] = pad
        out.append((_TENSOR(ids, dtype=torch.int64), d.num(label_low, label_high)))
    return out


def _token_batch_classes(batch: Any, pad: int | None, declared: list[str]) -> list[str]:
    lengths = [len(tokens) for tokens, _ in batch]
    found = {
        "one": len(batch) == 1,
        "equal-lengths": len(batch) > 1 and len(set(lengths)) == 1,
        "length-one": 1 in lengths,
        "pad-inside": pad is not None and any(bool((t == pad).any()) for t, _ in batch),
        "large-ids": any(bool((t > 2**24).any()) for t, _ in batch),
    }
    return [c for c in declared if found.get(c)]


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


def _draw_case(contract: Plain, d: _Draw, target: str | None) -> Case:
    """One case; ``target`` is the class it must belong to (``None``: anything allowed)."""
    case = Case(values={})
    tensors: dict[str, tuple[list[int], str, str, bool]] = {}
    # A vocabulary is drawn before the sentences made of its tokens, and a batch of token
    # sequences after the padding id it may hold, wherever they are listed.
    order = sorted(
        contract["args"].items(),
        key=lambda item: (item[1]["type"] != "vocab", item[1]["type"] == "token-batch"),
    )
    for name, arg in order:
        kind = arg["type"]
        facet, mine = _aim(target, name)
        if kind == "tensor":
            like = arg.get("like")
            if like:
                shape, dtype, layout, grad = tensors[like]
                special = None
            else:
                dims = _dims(arg["shape"])
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
                    dtype = (
                        str(mine) if facet == "dtype" else signed[0] if target else d.pick(signed)
                    )
                elif facet == "dtype":
                    dtype = str(mine)
                else:
                    dtype = dtypes[0] if target else d.pick(dtypes)
                layouts = arg.get("layouts", ["contiguous"])
                if facet == "layout":
                    layout = str(mine)
                else:
                    layout = "contiguous" if target else d.pick(layouts)
                grad_target = facet == "requires_grad"
                can_grad = bool(arg.get("requires_grad")) and dtype in FLOATS
                grad = can_grad and (grad_target or (target is None and d.num(0, 2) == 0))
                if grad_target and not can_grad:
                    dtype = next(t for t in dtypes if t in FLOATS)
                    grad = True
                if layout == "transposed" and len(shape) < 2:
                    layout = "contiguous"
                tensors[name] = (shape, dtype, layout, grad)
                case.classes += [f"{name}.dtype={dtype}", f"{name}.layout={layout}"]
                if shape == [lo for lo, _ in dims]:
                    case.classes.append(f"{name}.shape=min")
                if shape == [hi for _, hi in dims]:
                    case.classes.append(f"{name}.shape=max")
                case.classes += [f"{name}.requires_grad"] if grad else []
                case.classes += [f"{name}.special={special}"] if special else []
            value = _tensor(d, arg, shape, dtype, layout, grad, special)
            case.values[name] = value
            words = [_WORDS[w] for w in (layout, "grad" if grad else "", special or "") if w]
            words = [w for w in words if w[0]]
            head = f"{name} {tuple(shape)} {dtype}"
            case.summary.append(
                (
                    ", ".join([head, *(en for en, _ in words)]),
                    ", ".join([head, *(ko for _, ko in words)]),
                )
            )
        elif kind == "int":
            low, high = arg["range"]
            omit = mine == "omitted" or (target is None and d.num(0, 2) == 0)
            if arg.get("default") is not None and omit:
                case.omitted.add(name)
                case.classes.append(f"{name}=omitted")
                continue
            number = low if mine == "min" else high if mine == "max" else d.num(low, high)
            case.values[name] = number
            case.classes += [f"{name}=min"] if number == low else []
            case.classes += [f"{name}=max"] if number == high else []
            case.summary.append((f"{name}={number}", f"{name}={number}"))
        elif kind == "number":
            low, high = arg.get("range", [-9, 9])
            kinds = arg.get("kinds", ["int", "float"])
            chosen = str(mine) if facet == "kind" else d.pick(kinds)
            amount: int | float = (
                d.num(int(low), int(high))
                if chosen == "int"
                else round(low + (high - low) * d.num(0, 1000) / 1000, 3) + 0.5
            )
            case.values[name] = amount
            case.classes.append(f"{name}.kind={chosen}")
            case.summary.append((f"{name}={amount!r}", f"{name}={amount!r}"))
        elif kind == "vocab":
            case.values[name] = _vocab(d, arg)
            size = len(case.values[name])
            case.summary.append((f"{name}: {size} tokens", f"{name}: 토큰 {size}개"))
        elif kind == "sentences":
            vocab = case.values[arg["vocab"]]
            wanted = facet
            if target is None and arg.get("classes") and d.num(0, 1) == 0:
                wanted = d.pick(arg["classes"])
            sentences = _sentences(d, arg, vocab, wanted)
            case.values[name] = sentences
            case.classes += [
                f"{name}.{c}" for c in _sentence_classes(sentences, vocab, arg.get("classes", []))
            ]
            count = len(sentences)
            case.summary.append((f"{name}: {count} sentences", f"{name}: 문장 {count}개"))
        elif kind == "token-batch":
            pad_name = arg.get("pad")
            pad: int | None = None
            if pad_name is not None:
                pad = (
                    contract["args"][pad_name].get("default")
                    if pad_name in case.omitted
                    else case.values.get(pad_name)
                )
            wanted = facet
            if target is None and arg.get("classes") and d.num(0, 1) == 0:
                wanted = d.pick(arg["classes"])
            batch = _token_batch(d, arg, pad, wanted)
            case.values[name] = batch
            case.classes += [
                f"{name}.{c}" for c in _token_batch_classes(batch, pad, arg.get("classes", []))
            ]
            lengths = ", ".join(str(len(t)) for t, _ in batch)
            case.summary.append(
                (
                    f"{name}: {len(batch)} sequences of lengths {lengths}",
                    f"{name}: 시퀀스 {len(batch)}개, 길이 {lengths}",
                )
            )
        elif kind == "given":
            case.values[name] = None
            states = arg.get("states", [])
            if states:
                state = mine if facet == "state" and mine else d.pick(states)
                case.states[name] = state
                case.classes.append(f"{name}.state={state}")
                en, ko = _WORDS[state]
                case.summary.append((f"{name} {en}", f"{name} {ko}"))
    calls = contract.get("calls", ["positional"])
    case.call = target[5:] if target and target.startswith("call=") else calls[0]
    if target is None:
        case.call = d.pick(calls)
    case.classes.append(f"call={case.call}")
    if case.call == "keywords":
        case.summary.append(_WORDS["keywords"])
    entries = contract.get("entry", [])
    if target and target.startswith("entry="):
        case.entry = target[6:]
    elif target is None and entries and d.num(0, 2) == 0:
        case.entry = d.pick(entries)
    if case.entry:
        case.classes.append(f"entry={case.entry}")
        case.summary.append(_WORDS[case.entry])
    return case


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
    d = _Draw(seed)
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

"""The values a contract's inputs are drawn as: tensors, vocabularies, sentences, token batches.

Everything is drawn from one seeded generator (:class:`Draw`), so the reference's run and the
submission's see the same values; the torch functions used are captured when this module is
imported, in the worker, before any submission exists.
"""

from __future__ import annotations

from typing import Any

import torch

_RANDN, _RAND, _RANDINT, _RANDPERM = torch.randn, torch.rand, torch.randint, torch.randperm
_GENERATOR = torch.Generator
_TENSOR = torch.tensor

Plain = dict[str, Any]

FLOATS = {"float32", "float64", "float16"}
LARGE = 2**40  # int64 values past float32's (2**24) and float64's exact range steps
WORDS = ["나는", "학교에", "간다", "밥을", "먹는다", "오늘", "영화가", "좋다", "정말", "책을"]
CAPITALISED = ["Seoul", "PyTorch", "LSTM", "AI"]
UNKNOWN = ["커피를", "마신다", "도서관에", "seoul", "pytorch", "모름"]


class Draw:
    def __init__(self, seed: int) -> None:
        self.gen = _GENERATOR().manual_seed(seed)

    def num(self, low: int, high: int) -> int:
        """An int in [low, high]."""
        return int(_RANDINT(low, high + 1, (1,), generator=self.gen)[0])

    def pick(self, options: list[Any]) -> Any:
        return options[self.num(0, len(options) - 1)]

    def perm(self, n: int) -> list[int]:
        return [int(i) for i in _RANDPERM(n, generator=self.gen).tolist()]


def dim_ranges(shape: list[Any]) -> list[tuple[int, int]]:
    return [(d, d) if isinstance(d, int) else (int(d[0]), int(d[1])) for d in shape]


def draw_tensor(
    d: Draw, arg: Plain, shape: list[int], dtype: str, layout: str, grad: bool, special: str | None
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


def draw_vocab(d: Draw, arg: Plain) -> dict[str, int]:
    low, high = arg.get("size", [4, 10])
    size = d.num(max(low, 3), max(high, 3))
    words = [WORDS[i] for i in d.perm(len(WORDS))][: size - 2] + CAPITALISED[:2]
    ids = d.perm(len(words))
    return {word: ids[i] for i, word in enumerate(words)}


def draw_sentences(d: Draw, arg: Plain, vocab: dict[str, int], target: str | None) -> Any:
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


def sentence_classes(sentences: Any, vocab: dict[str, int], declared: list[str]) -> list[str]:
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


def draw_token_batch(
    d: Draw, arg: Plain, pad: int | None, target: str | None
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


def token_batch_classes(batch: Any, pad: int | None, declared: list[str]) -> list[str]:
    lengths = [len(tokens) for tokens, _ in batch]
    found = {
        "one": len(batch) == 1,
        "equal-lengths": len(batch) > 1 and len(set(lengths)) == 1,
        "length-one": 1 in lengths,
        "pad-inside": pad is not None and any(bool((t == pad).any()) for t, _ in batch),
        "large-ids": any(bool((t > 2**24).any()) for t, _ in batch),
    }
    return [c for c in declared if found.get(c)]

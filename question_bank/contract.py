"""A function task's contract: every input its prompt allows, every effect it forbids.

The ``contract:`` section of a task's ``task.yaml`` (see docs/bank-format.md) says,
in a form the grader can draw inputs from, what the prompt promises:

    contract:
      function: standardize
      args:
        x: {type: tensor, dtypes: [float32, float64], shape: [[2, 8], [1, 5]],
            layouts: [contiguous, transposed], requires_grad: true}
      effects: {modifies: []}

Each listed option is an input *class* (``x.dtype=float64``, ``x.layout=transposed``,
``x.shape=min`` …); the grader draws at least one input of every class
(:mod:`grader.inside.contract`), and ``quizapp bank verify`` fails a task whose contract
declares a class no check drew. This module only validates the section (the bank
never imports torch); the grader reads it as plain data.
"""

from __future__ import annotations

import ast
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StringConstraints

from .said import said

Loc = tuple[str | int, ...]
ArgName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]

DTYPES = ("float32", "float64", "float16", "int64", "int32", "int16", "int8", "uint8", "bool")
FLOAT_DTYPES = ("float32", "float64", "float16")
LAYOUTS = ("contiguous", "transposed", "sliced")
SPECIALS = ("large-int64", "negative")
SENTENCE_CLASSES = ("empty", "empty-sentence", "unknown", "capitals", "id-zero", "duplicates")
TOKEN_BATCH_CLASSES = ("one", "equal-lengths", "length-one", "pad-inside", "large-ids")
MODULE_STATES = ("train", "eval", "grads")
STATE = ("grad_mode", "default_dtype", "threads", "deterministic")
ENTRY = ("grad-disabled",)
CALLS = ("positional", "keywords")

Dtype = Literal["float32", "float64", "float16", "int64", "int32", "int16", "int8", "uint8", "bool"]
Layout = Literal["contiguous", "transposed", "sliced"]
Special = Literal["large-int64", "negative"]
SentenceClass = Literal["empty", "empty-sentence", "unknown", "capitals", "id-zero", "duplicates"]
TokenBatchClass = Literal["one", "equal-lengths", "length-one", "pad-inside", "large-ids"]
ModuleState = Literal["train", "eval", "grads"]
StateName = Literal["grad_mode", "default_dtype", "threads", "deterministic"]
Dim = StrictInt | Annotated[list[StrictInt], Field(min_length=2, max_length=2)]
Range = Annotated[list[int | float], Field(min_length=2, max_length=2)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TensorArg(_Strict):
    """A tensor: each dtype, layout and special value listed is a class; so are the
    smallest and the largest shape (``shape.min`` holding a 0 is the empty tensor)."""

    type: Literal["tensor"]
    dtypes: Annotated[list[Dtype], Field(min_length=1)] = ["float32"]
    shape: Annotated[list[Dim], Field(min_length=1, max_length=4)] | None = None
    layouts: Annotated[list[Layout], Field(min_length=1)] = ["contiguous"]
    requires_grad: StrictBool = False
    values: Range = [-3, 3]
    unique: StrictBool = False
    special: list[Special] = Field(default_factory=list)
    like: ArgName | None = None  # same shape, dtype and layout as this earlier argument


class IntArg(_Strict):
    """A Python int in ``range`` (both ends are classes)."""

    type: Literal["int"]
    range: Annotated[list[StrictInt], Field(min_length=2, max_length=2)]
    default: StrictInt | None = None  # may be left out (this default used): a class of its own


class NumberArg(_Strict):
    """A Python number in ``range``; each of ``kinds`` is a class."""

    type: Literal["number"]
    kinds: Annotated[list[Literal["int", "float"]], Field(min_length=1)] = ["int", "float"]
    range: Range = [-9, 9]


class VocabArg(_Strict):
    """A dict token → id, ids 0 … n-1 (so a real token has id 0); some tokens are capitalised."""

    type: Literal["vocab"]
    size: Annotated[list[StrictInt], Field(min_length=2, max_length=2)] = [4, 10]


class SentencesArg(_Strict):
    """A list of token lists drawn from the ``vocab`` argument's tokens and unknown ones."""

    type: Literal["sentences"]
    vocab: ArgName
    count: Annotated[list[StrictInt], Field(min_length=2, max_length=2)] = [0, 4]
    length: Annotated[list[StrictInt], Field(min_length=2, max_length=2)] = [0, 7]
    classes: list[SentenceClass] = Field(default_factory=list)


class TokenBatchArg(_Strict):
    """A ``DataLoader`` batch of ``(tokens, label)`` pairs: ``tokens`` an int64 tensor
    ``(L_i,)``, ``label`` a Python int. Each of ``classes`` is a class: ``one`` (a batch of
    one), ``equal-lengths``, ``length-one`` (a sequence of one token), ``pad-inside`` (a real
    token equal to the ``pad`` argument's value), ``large-ids`` (ids above 2**24)."""

    type: Literal["token-batch"]
    count: Annotated[list[StrictInt], Field(min_length=2, max_length=2)] = [1, 4]
    length: Annotated[list[StrictInt], Field(min_length=2, max_length=2)] = [1, 7]
    ids: Annotated[list[StrictInt], Field(min_length=2, max_length=2)] = [0, 50]
    labels: Annotated[list[StrictInt], Field(min_length=2, max_length=2)] = [0, 3]
    pad: ArgName | None = None  # the `type: int` argument holding the padding id
    classes: list[TokenBatchClass] = Field(default_factory=list)


class GivenArg(_Strict):
    """An object the hidden test builds (a model, a loader, an optimizer).

    For a module, each of ``states`` is a class the grader puts it in before the call:
    ``train`` or ``eval`` mode, ``grads`` (every parameter already holds a gradient).
    ``after`` lists what of the module is compared with the reference's after the call."""

    type: Literal["given"]
    module: StrictBool = False
    states: list[ModuleState] = Field(default_factory=list)
    # What is compared with the reference's after the call: the module's mode, its
    # parameters' values, which parameters require grad, the frozen parameters' values.
    after: list[Literal["mode", "parameters", "requires_grad", "frozen"]] = Field(
        default_factory=list
    )


Arg = Annotated[
    TensorArg | IntArg | NumberArg | VocabArg | SentencesArg | TokenBatchArg | GivenArg,
    Field(discriminator="type"),
]


class Effects(_Strict):
    """What the call may change: only the arguments in ``modifies``; none of ``keeps``."""

    modifies: list[ArgName] = Field(default_factory=list)
    keeps: list[StateName] = ["grad_mode", "default_dtype", "threads", "deterministic"]


class Returns(_Strict):
    same_as: ArgName | None = None  # returns this argument itself (the same object)
    atol: Annotated[float, Field(ge=0)] = 1e-5
    rtol: Annotated[float, Field(ge=0)] = 1e-4


class Contract(_Strict):
    function: ArgName
    args: Annotated[dict[ArgName, Arg], Field(min_length=1)]
    returns: Returns = Returns()
    effects: Effects = Effects()
    calls: Annotated[list[Literal["positional", "keywords"]], Field(min_length=1)] = ["positional"]
    entry: list[Literal["grad-disabled"]] = Field(default_factory=list)
    where: str | None = None  # a Python condition over the arguments' names
    draws: Annotated[int, Field(ge=0, le=40)] = 6  # random cases besides the boundaries
    points: Annotated[float, Field(ge=0)] = 1

    def problems(self) -> list[tuple[Loc, str]]:
        found: list[tuple[Loc, str]] = []
        names = list(self.args)
        for i, (name, arg) in enumerate(self.args.items()):
            found.extend(
                (("args", name, *loc), text)
                for loc, text in _arg_problems(arg, names[:i], dict(self.args))
            )
        for i, name in enumerate(self.effects.modifies):
            if name not in self.args:
                found.append((("effects", "modifies", i), _no_argument("modifies", name)))
        same_as = self.returns.same_as
        if same_as is not None and same_as not in self.args:
            found.append((("returns", "same_as"), _no_argument("same_as", same_as)))
        if self.where is not None:
            found.extend(_where_problems(self.where, set(self.args)))
        return found


def _no_argument(field: str, name: str) -> str:
    return said(
        f"`{field}` names {name!r}, no argument", f"`{field}`에 쓴 {name!r}는 인수가 아닙니다"
    )


def _arg_problems(arg: object, before: list[str], args: dict[str, Any]) -> list[tuple[Loc, str]]:
    if isinstance(arg, TensorArg):
        return _tensor_problems(arg, before)
    found: list[tuple[Loc, str]] = []
    if isinstance(arg, (IntArg, NumberArg)):
        if arg.range[0] > arg.range[1]:
            message = said(
                f"`range` {arg.range} must be [min, max], min ≤ max",
                f"`range` {arg.range}는 `[min, max]`, `min ≤ max`여야 합니다",
            )
            found.append((("range",), message))
    elif isinstance(arg, SentencesArg):
        if not isinstance(args.get(arg.vocab), VocabArg):
            message = said(
                f"`vocab` names {arg.vocab!r}: no `type: vocab` argument",
                f"`vocab`에 쓴 {arg.vocab!r}는 `type: vocab` 인수가 아닙니다",
            )
            found.append((("vocab",), message))
        for field in ("count", "length"):
            low, high = getattr(arg, field)
            if low < 0 or high < low:
                found.append(((field,), _bad_span(field, 0)))
    elif isinstance(arg, TokenBatchArg):
        for field in ("count", "length", "ids", "labels"):
            low, high = getattr(arg, field)
            if low < 0 or high < low or (field in ("count", "length") and low < 1):
                least = 1 if field in ("count", "length") else 0
                found.append(((field,), _bad_span(field, least)))
        if arg.pad is not None and not isinstance(args.get(arg.pad), IntArg):
            message = said(
                f"`pad` names {arg.pad!r}: no `type: int` argument",
                f"`pad`에 쓴 {arg.pad!r}는 `type: int` 인수가 아닙니다",
            )
            found.append((("pad",), message))
        if "pad-inside" in arg.classes and arg.pad is None:
            message = said(
                "`pad-inside` needs `pad`: the padding id's argument",
                "`pad-inside`에는 `pad`(패딩 id를 담은 인수)가 필요합니다",
            )
            found.append((("classes",), message))
    elif isinstance(arg, GivenArg) and (arg.states or arg.after) and not arg.module:
        message = said(
            "`states` and `after` apply to a module: add `module: true`",
            "`states`와 `after`는 모듈에만 씁니다: `module: true`를 더하세요",
        )
        found.append((("module",), message))
    return found


def _bad_span(field: str, least: int) -> str:
    return said(
        f"`{field}` must be [min, max], {least} ≤ min ≤ max",
        f"`{field}`는 `[min, max]`, `{least} ≤ min ≤ max`여야 합니다",
    )


def _tensor_problems(arg: TensorArg, before: list[str]) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    if arg.shape is None and arg.like is None:
        message = said(
            "a tensor needs `shape` (or `like`: another argument's)",
            "텐서에는 `shape`(또는 다른 인수의 것을 따르는 `like`)가 필요합니다",
        )
        found.append(((), message))
    for i, dim in enumerate(arg.shape or []):
        low, high = (dim, dim) if isinstance(dim, int) else dim
        if low < 0 or high < low:
            message = said(
                f"dimension {dim} must be n or [min, max], 0 ≤ min ≤ max",
                f"차원 {dim}는 `n`이나 `[min, max]`, `0 ≤ min ≤ max`여야 합니다",
            )
            found.append((("shape", i), message))
    if arg.values[0] >= arg.values[1]:
        message = said(
            f"`values` {arg.values} must be [low, high], low < high",
            f"`values` {arg.values}는 `[low, high]`, `low < high`여야 합니다",
        )
        found.append((("values",), message))
    if arg.requires_grad and not any(d in FLOAT_DTYPES for d in arg.dtypes):
        message = said(
            "only a floating-point tensor can require grad",
            "`requires_grad`는 부동소수점 텐서만 쓸 수 있습니다",
        )
        found.append((("requires_grad",), message))
    if "large-int64" in arg.special and "int64" not in arg.dtypes:
        message = said(
            "`large-int64` needs int64 among `dtypes`",
            "`large-int64`를 쓰려면 `dtypes`에 `int64`가 있어야 합니다",
        )
        found.append((("special",), message))
    if "transposed" in arg.layouts and arg.shape is not None and len(arg.shape) < 2:
        message = said(
            "a transposed layout needs two dimensions or more",
            "`transposed` 레이아웃에는 2차원 이상이 필요합니다",
        )
        found.append((("layouts",), message))
    if arg.like is not None and arg.like not in before:
        message = said(
            f"`like` names {arg.like!r}: no argument before this one",
            f"`like`에 쓴 {arg.like!r}는 이 인수보다 앞에 있는 인수가 아닙니다",
        )
        found.append((("like",), message))
    return found


def _where_problems(where: str, names: set[str]) -> list[tuple[Loc, str]]:
    try:
        tree = ast.parse(where, mode="eval")
    except SyntaxError as exc:
        # Python's own words, quoted in Korean
        message = said(
            f"`where` is not a Python expression: {exc.msg}",
            f'`where`가 파이썬 식이 아닙니다: "{exc.msg}"',
        )
        return [(("where",), message)]
    unknown = sorted(
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and node.id not in names and node.id not in _WHERE_BUILTINS
    )
    if unknown:
        listed = ", ".join(unknown)
        message = said(
            f"`where` uses {listed}: not an argument of the contract",
            f"`where`에 쓴 `{listed}`는 계약의 인수가 아닙니다",
        )
        return [(("where",), message)]
    return []


_WHERE_BUILTINS = {"len", "min", "max", "abs", "True", "False", "None"}

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
                found.append(
                    (("effects", "modifies", i), f"`modifies` names {name!r}, no argument")
                )
        if self.returns.same_as is not None and self.returns.same_as not in self.args:
            found.append(
                (("returns", "same_as"), f"`same_as` names {self.returns.same_as!r}, no argument")
            )
        if self.where is not None:
            found.extend(_where_problems(self.where, set(self.args)))
        return found


def _arg_problems(arg: object, before: list[str], args: dict[str, Any]) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    if isinstance(arg, TensorArg):
        if arg.shape is None and arg.like is None:
            found.append(((), "a tensor needs `shape` (or `like`: another argument's)"))
        for i, dim in enumerate(arg.shape or []):
            low, high = (dim, dim) if isinstance(dim, int) else dim
            if low < 0 or high < low:
                found.append(
                    (("shape", i), f"dimension {dim} must be n or [min, max], 0 ≤ min ≤ max")
                )
        if arg.values[0] >= arg.values[1]:
            found.append((("values",), f"`values` {arg.values} must be [low, high], low < high"))
        if arg.requires_grad and not any(d in FLOAT_DTYPES for d in arg.dtypes):
            found.append((("requires_grad",), "only a floating-point tensor can require grad"))
        if "large-int64" in arg.special and "int64" not in arg.dtypes:
            found.append((("special",), "`large-int64` needs int64 among `dtypes`"))
        if "transposed" in arg.layouts and arg.shape is not None and len(arg.shape) < 2:
            found.append((("layouts",), "a transposed layout needs two dimensions or more"))
        if arg.like is not None and arg.like not in before:
            found.append((("like",), f"`like` names {arg.like!r}: no argument before this one"))
    elif isinstance(arg, (IntArg, NumberArg)):
        if arg.range[0] > arg.range[1]:
            found.append((("range",), f"`range` {arg.range} must be [min, max], min ≤ max"))
    elif isinstance(arg, SentencesArg):
        if not isinstance(args.get(arg.vocab), VocabArg):
            found.append((("vocab",), f"`vocab` names {arg.vocab!r}: no `type: vocab` argument"))
        for field in ("count", "length"):
            low, high = getattr(arg, field)
            if low < 0 or high < low:
                found.append(((field,), f"`{field}` must be [min, max], 0 ≤ min ≤ max"))
    elif isinstance(arg, TokenBatchArg):
        for field in ("count", "length", "ids", "labels"):
            low, high = getattr(arg, field)
            if low < 0 or high < low or (field in ("count", "length") and low < 1):
                least = 1 if field in ("count", "length") else 0
                found.append(((field,), f"`{field}` must be [min, max], {least} ≤ min ≤ max"))
        if arg.pad is not None and not isinstance(args.get(arg.pad), IntArg):
            found.append((("pad",), f"`pad` names {arg.pad!r}: no `type: int` argument"))
        if "pad-inside" in arg.classes and arg.pad is None:
            found.append((("classes",), "`pad-inside` needs `pad`: the padding id's argument"))
    elif isinstance(arg, GivenArg) and (arg.states or arg.after) and not arg.module:
        found.append((("module",), "`states` and `after` apply to a module: add `module: true`"))
    return found


def _where_problems(where: str, names: set[str]) -> list[tuple[Loc, str]]:
    try:
        tree = ast.parse(where, mode="eval")
    except SyntaxError as exc:
        return [(("where",), f"`where` is not a Python expression: {exc.msg}")]
    unknown = sorted(
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and node.id not in names and node.id not in _WHERE_BUILTINS
    )
    if unknown:
        return [(("where",), f"`where` uses {', '.join(unknown)}: not an argument of the contract")]
    return []


_WHERE_BUILTINS = {"len", "min", "max", "abs", "True", "False", "None"}

"""PyTorch-aware mutants of a task's reference solution (pure :mod:`ast`, no torch).

A *mutant* is the reference with one small, plausible fault: a layer of the
wrong kind, an integer off by one, a call statement dropped, a conversion
removed, a keyword flag flipped, two arguments swapped, ``mean`` for ``sum``,
``torch.no_grad()`` gone. ``quizapp bank verify`` grades every mutant with
the task's hidden tests; a mutant that passes is a *survivor*, a blind spot
of the tests (or an equivalent program, which the task folder must say).

Each mutant replaces the source text of one node and keeps the rest of the
file byte for byte, so that its diff against the reference is one or two
lines. Its id (``operator:line:col:index``) stays the same as long as the
reference's lines do.
"""

from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass

# Families of interchangeable names: a name is swapped for every other member.
_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("MaxPool1d", "AvgPool1d"),
    ("MaxPool2d", "AvgPool2d"),
    ("AdaptiveMaxPool2d", "AdaptiveAvgPool2d"),
    ("max_pool1d", "avg_pool1d"),
    ("max_pool2d", "avg_pool2d"),
    ("ReLU", "Sigmoid", "Tanh", "LeakyReLU"),
    ("relu", "sigmoid", "tanh"),
    ("LSTM", "GRU", "RNN"),
    ("BCELoss", "BCEWithLogitsLoss"),
    ("binary_cross_entropy", "binary_cross_entropy_with_logits"),
    ("CrossEntropyLoss", "NLLLoss"),
    ("cross_entropy", "nll_loss"),
    ("MSELoss", "L1Loss"),
    ("mse_loss", "l1_loss"),
    ("BatchNorm1d", "LayerNorm"),
    ("softmax", "log_softmax"),
    ("mean", "sum"),
    ("argmax", "argmin"),
    ("max", "min"),
    ("cat", "stack"),
    ("reshape", "view"),
    ("zeros", "ones"),
    ("zeros_like", "ones_like"),
    ("train", "eval"),
    ("float32", "float64"),
    ("int64", "int32"),
    ("in_features", "out_features"),
    ("features", "classifier"),
)
_SWAPS = {
    name: [other for other in family if other != name] for family in _FAMILIES for name in family
}

# Layers a student may leave out: the module call becomes nn.Identity().
_REMOVABLE_LAYERS = {
    "ReLU", "Sigmoid", "Tanh", "LeakyReLU", "Softmax", "LogSoftmax",
    "Dropout", "BatchNorm1d", "BatchNorm2d", "MaxPool2d", "AvgPool2d", "Flatten",
}  # fmt: skip
# Functions whose call may be left out: f(x, …) becomes x.
_REMOVABLE_FUNCTIONS = {
    "relu", "sigmoid", "tanh", "softmax", "log_softmax", "dropout", "max_pool2d", "avg_pool2d",
}  # fmt: skip
# Methods whose call is a conversion or a copy: x.m() becomes x.
_DROPPABLE_METHODS = {
    "float": "dtype conversion", "long": "dtype conversion", "double": "dtype conversion",
    "int": "dtype conversion", "to": "dtype conversion", "item": "conversion to a Python number",
    "detach": "detach", "clone": "copy", "contiguous": "contiguous copy",
    "tolist": "conversion to a list",
}  # fmt: skip
_NO_GRAD = {"no_grad", "inference_mode"}
_BINOPS: dict[type[ast.operator], tuple[type[ast.operator], ...]] = {
    ast.Add: (ast.Sub,),
    ast.Sub: (ast.Add,),
    ast.Mult: (ast.Div,),
    ast.Div: (ast.FloorDiv, ast.Mult),
    ast.FloorDiv: (ast.Div,),
}
_CMPOPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
}

OPERATORS = (
    "swap-name",
    "remove-layer",
    "int",
    "drop-statement",
    "drop-method",
    "drop-keyword",
    "flip-bool",
    "swap-args",
    "no-grad",
    "hardcode",
    "binop",
    "compare",
    "drop-slice",
    "off-by-one",
)


@dataclass(frozen=True)
class Mutant:
    """One mutant: where and what was changed, and the whole mutated source."""

    id: str
    operator: str
    line: int
    description: str
    source: str


@dataclass(frozen=True)
class _Edit:
    operator: str
    node: ast.AST
    replacement: str
    description: str
    swap: tuple[ast.AST, ast.AST] | None = None  # exchange these two spans' text instead


def _text(node: ast.AST) -> str:
    return ast.unparse(node)


def _call_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _int_value(node: ast.AST) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, ast.USub)
        and isinstance(node.operand, ast.Constant)
        and type(node.operand.value) is int
    ):
        return -node.operand.value
    return None


class _Finder(ast.NodeVisitor):
    """Collects the edits of every operator, in source order."""

    def __init__(self) -> None:
        self.edits: list[_Edit] = []
        self._defaults: list[dict[str, int]] = [{}]
        self._skip: set[int] = set()  # ids of nodes already mutated as a whole

    def swap(self, node: ast.AST, first: ast.AST, second: ast.AST, description: str) -> None:
        self.edits.append(_Edit("swap-args", node, "", description, (first, second)))

    def add(self, operator: str, node: ast.AST, replacement: str, description: str) -> None:
        if isinstance(node, ast.expr) and not isinstance(node, ast.BinOp | ast.Compare):
            parsed = ast.parse(replacement, mode="eval").body
            if isinstance(parsed, ast.BinOp | ast.Compare):  # keep the precedence it had
                replacement = f"({replacement})"
        self.edits.append(_Edit(operator, node, replacement, description))

    # -- structure -------------------------------------------------------------

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        args = node.args.posonlyargs + node.args.args
        defaults: dict[str, int] = {}
        for arg, default in zip(
            args[len(args) - len(node.args.defaults) :], node.args.defaults, strict=True
        ):
            value = _int_value(default)
            if value is not None:
                defaults[arg.arg] = value
        for arg, kw_default in zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True):
            value = _int_value(kw_default) if kw_default is not None else None
            if value is not None:
                defaults[arg.arg] = value
        for default in [*node.args.defaults, *(d for d in node.args.kw_defaults if d)]:
            self.visit(default)
        self._defaults.append(defaults)
        for statement in node.body:
            self.visit(statement)
        self._defaults.pop()

    def visit_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Call):
            self.add(
                "drop-statement",
                node,
                "pass",
                f"statement `{_text(node.value)}` removed",
            )
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        if all(isinstance(t, ast.Attribute | ast.Subscript) for t in node.targets):
            self.add("drop-statement", node, "pass", f"statement `{_text(node)}` removed")
        self.generic_visit(node)

    def visit_Return(self, node: ast.Return) -> None:
        if isinstance(node.value, ast.Tuple):
            items = node.value.elts
            for first, second in itertools.pairwise(items):
                description = f"returned `{_text(first)}` and `{_text(second)}` swapped"
                self.swap(node.value, first, second, description)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.add("drop-statement", node, "pass", f"statement `{_text(node)}` removed")
        self.generic_visit(node)

    def visit_With(self, node: ast.With) -> None:
        for item in node.items:
            expr = item.context_expr
            func = expr.func if isinstance(expr, ast.Call) else None
            if isinstance(func, ast.Attribute) and func.attr in _NO_GRAD:
                tracked = ast.Call(
                    func=ast.Attribute(value=func.value, attr="enable_grad", ctx=ast.Load()),
                    args=[],
                    keywords=[],
                )
                self.add(
                    "no-grad",
                    expr,
                    _text(tracked),
                    f"`with {_text(expr)}:` removed (gradients are tracked in its body)",
                )
        self.generic_visit(node)

    # -- expressions -----------------------------------------------------------

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        func = node.func
        if name in _REMOVABLE_LAYERS and isinstance(func, ast.Attribute):
            identity = ast.Call(
                func=ast.Attribute(value=func.value, attr="Identity", ctx=ast.Load()),
                args=[],
                keywords=[],
            )
            self.add("remove-layer", node, _text(identity), f"layer `{_text(node)}` removed")
        if name in _REMOVABLE_FUNCTIONS and node.args:
            self.add("remove-layer", node, _text(node.args[0]), f"call `{_text(node)}` removed")
        if (
            name in _DROPPABLE_METHODS
            and isinstance(func, ast.Attribute)
            and not (name == "to" and len(node.args) + len(node.keywords) != 1)
        ):
            self.add(
                "drop-method",
                node,
                _text(func.value),
                f"{_DROPPABLE_METHODS[name]} `.{name}(…)` removed",
            )
        for i, keyword in enumerate(node.keywords):
            if keyword.arg is None:
                continue
            rest = [k for j, k in enumerate(node.keywords) if j != i]
            without = ast.Call(func=func, args=node.args, keywords=rest)
            self.add(
                "drop-keyword",
                node,
                _text(without),
                f"keyword `{_text(keyword)}` removed (the default is used)",
            )
        if name == "len" and isinstance(func, ast.Name):
            for op, word in ((ast.Sub(), "minus"), (ast.Add(), "plus")):
                changed = ast.BinOp(left=node, op=op, right=ast.Constant(1))
                self.add("off-by-one", node, _text(changed), f"`{_text(node)}` {word} 1")
        for i in range(len(node.args) - 1):
            first, second = node.args[i], node.args[i + 1]
            if isinstance(first, ast.Starred) or isinstance(second, ast.Starred):
                continue
            if _text(first) == _text(second):
                continue
            self.swap(
                node, first, second, f"arguments `{_text(first)}` and `{_text(second)}` swapped"
            )
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        for other in _SWAPS.get(node.attr, ()):
            replaced = ast.Attribute(value=node.value, attr=other, ctx=node.ctx)
            self.add("swap-name", node, _text(replaced), f"`{node.attr}` replaced by `{other}`")
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            default = self._defaults[-1].get(node.id)
            if default is not None:
                self.add(
                    "hardcode",
                    node,
                    str(default),
                    f"`{node.id}` hard-coded as its default {default}",
                )

    def visit_Constant(self, node: ast.Constant) -> None:
        if type(node.value) is int and id(node) not in self._skip:
            self._ints(node, node.value)
        if type(node.value) is bool:
            self.add("flip-bool", node, str(not node.value), f"`{node.value}` flipped")

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        value = _int_value(node)
        if value is not None:
            self._skip.add(id(node.operand))
            self._ints(node, value)
        self.generic_visit(node)

    def _ints(self, node: ast.AST, value: int) -> None:
        seen = {value}
        for other in (value + 1, value - 1, 0, 1, value * 2):
            if other in seen:
                continue
            seen.add(other)
            self.add("int", node, str(other), f"integer {value} changed to {other}")

    def visit_BinOp(self, node: ast.BinOp) -> None:
        for other in _BINOPS.get(type(node.op), ()):
            changed = ast.BinOp(left=node.left, op=other(), right=node.right)
            self.add("binop", node, _text(changed), f"`{_text(node)}` → `{_text(changed)}`")
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        if len(node.ops) == 1 and type(node.ops[0]) in _CMPOPS:
            changed = ast.Compare(
                left=node.left, ops=[_CMPOPS[type(node.ops[0])]()], comparators=node.comparators
            )
            self.add("compare", node, _text(changed), f"`{_text(node)}` → `{_text(changed)}`")
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if isinstance(node.slice, ast.Slice) and isinstance(node.ctx, ast.Load):
            self.add("drop-slice", node, _text(node.value), f"slice `{_text(node)}` removed")
        self.generic_visit(node)


def _span(starts: list[int], node: ast.AST) -> tuple[int, int]:
    """``node``'s byte offsets in the source (ast gives columns in UTF-8 bytes)."""
    begin = starts[node.lineno - 1] + node.col_offset  # type: ignore[attr-defined]
    end = starts[(node.end_lineno or node.lineno) - 1] + (node.end_col_offset or 0)  # type: ignore[attr-defined]
    return begin, end


def _apply(data: bytes, starts: list[int], edit: _Edit) -> str:
    """The source with the edit made; every other byte kept."""
    if edit.swap is None:
        begin, end = _span(starts, edit.node)
        return (data[:begin] + edit.replacement.encode() + data[end:]).decode()
    (a0, a1), (b0, b1) = (_span(starts, n) for n in edit.swap)
    return (data[:a0] + data[b0:b1] + data[a1:b0] + data[a0:a1] + data[b1:]).decode()


def mutants(source: str) -> list[Mutant]:
    """Every mutant of ``source`` that compiles and differs from it, in source order."""
    tree = ast.parse(source)
    _strip_docstrings(tree)
    finder = _Finder()
    finder.visit(tree)
    data = source.encode()
    starts = [0]
    for line in data.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    found: list[Mutant] = []
    seen = {source}
    counters: dict[str, int] = {}
    for edit in finder.edits:
        node = edit.node
        key = f"{edit.operator}:{node.lineno}:{node.col_offset}"  # type: ignore[attr-defined]
        index = counters[key] = counters.get(key, -1) + 1
        mutated = _apply(data, starts, edit)
        if mutated in seen:
            continue
        try:
            compile(mutated, "<mutant>", "exec", dont_inherit=True)
        except SyntaxError:
            continue
        seen.add(mutated)
        found.append(
            Mutant(
                id=f"{key}:{index}",
                operator=edit.operator,
                line=node.lineno,  # type: ignore[attr-defined]
                description=edit.description,
                source=mutated,
            )
        )
    return found


def _strip_docstrings(tree: ast.Module) -> None:
    """Docstrings are not code: leave them out of the walk (their nodes keep their places)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            first = body[0] if body else None
            value = first.value if isinstance(first, ast.Expr) else None
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                node.body = body[1:] or [ast.Pass()]

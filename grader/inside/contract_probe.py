"""The generic checks a contract gives every function task: ``p.contract_checks(fn)``.

One check per drawn case (:func:`grader.inside.contract.cases`). Each calls the function
once and records, in this order:

1. the result's type outline, then its value: tensors by shape, dtype and values
   (the contract's tolerance), numbers and other plain values exactly, floats closely;
2. which arguments the result *is* (the same object): ``returns: same_as`` tasks
   must return their argument, every other task must not, exactly as the reference;
3. every argument the contract does not let it modify, compared with a copy taken
   before the call (tensors of every dtype drawn, lists, dicts, a module's state);
4. every module it may modify: its mode and its parameters after the call
   (so gradients handed over in ``grads`` state must be handled as the prompt says);
5. the global torch state it must leave as found (grad mode, default dtype,
   threads, deterministic algorithms); the state is restored after each call.

The judge compares all of it with the reference's run of the same cases. In the
reference's run the probe also exports which classes were drawn and which effects
were checked (``coverage``), which ``quizapp bank verify`` reports.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from grader.inside import contract as drawn
from grader.inside.checking import ProbeError
from grader.text import tr

if TYPE_CHECKING:
    from grader.probe import Probe

_IS_GRAD_ENABLED, _SET_GRAD_ENABLED = torch.is_grad_enabled, torch.set_grad_enabled
_GET_DEFAULT_DTYPE, _SET_DEFAULT_DTYPE = torch.get_default_dtype, torch.set_default_dtype
_GET_THREADS, _SET_THREADS = torch.get_num_threads, torch.set_num_threads
_DETERMINISTIC = torch.are_deterministic_algorithms_enabled
# torch.use_deterministic_algorithms imports torch._inductor (seconds): set the flag itself.
_SET_DETERMINISTIC = torch._C._set_deterministic_algorithms
_TENSOR, _MODULE = torch.Tensor, torch.nn.Module
_TYPE = type

STATE_WORDS = {
    "grad_mode": (
        "gradient tracking (torch.is_grad_enabled())",
        "기울기 추적 (torch.is_grad_enabled())",
    ),
    "default_dtype": (
        "the default dtype (torch.get_default_dtype())",
        "기본 dtype (torch.get_default_dtype())",
    ),
    "threads": (
        "the number of threads (torch.get_num_threads())",
        "스레드 수 (torch.get_num_threads())",
    ),
    "deterministic": (
        "deterministic algorithms (torch.use_deterministic_algorithms)",
        "결정적 알고리즘 설정 (torch.use_deterministic_algorithms)",
    ),
}


def _state() -> dict[str, Any]:
    return {
        "grad_mode": bool(_IS_GRAD_ENABLED()),
        "default_dtype": _GET_DEFAULT_DTYPE(),
        "threads": int(_GET_THREADS()),
        "deterministic": bool(_DETERMINISTIC()),
    }


# A caller's usual state: gradients tracked, float32 by default, no deterministic mode.
_CALLER = {"grad_mode": True, "default_dtype": torch.float32, "deterministic": False}


def _restore(state: dict[str, Any]) -> None:
    """Set what differs from ``state`` back to it (each setter only when needed)."""
    if bool(_IS_GRAD_ENABLED()) != state["grad_mode"]:
        _SET_GRAD_ENABLED(state["grad_mode"])
    if _GET_DEFAULT_DTYPE() != state["default_dtype"]:
        _SET_DEFAULT_DTYPE(state["default_dtype"])
    if int(_GET_THREADS()) != state["threads"]:
        _SET_THREADS(state["threads"])
    if bool(_DETERMINISTIC()) != state["deterministic"]:
        _SET_DETERMINISTIC(state["deterministic"], warn_only=False)


def _observe_result(p: Probe, result: Any, atol: float, rtol: float) -> None:
    p.types(tr("result type", "결과의 타입"), result)
    _observe_items(p, result, atol, rtol, ())


def _observe_items(p: Probe, result: Any, atol: float, rtol: float, where: tuple[int, ...]) -> None:
    """The values of ``result``; a list or tuple of tensors item by item, and so on down
    (a list of ``(xb, yb)`` pairs: ``result item 2.1``, the ``yb`` of the third pair)."""
    items = list(result) if _TYPE(result) in (tuple, list) else [result]
    if _TYPE(result) in (tuple, list) and not any(
        isinstance(item, (_TENSOR, _MODULE))
        or _TYPE(item) is float
        or (_TYPE(item) in (tuple, list) and any(isinstance(v, _TENSOR) for v in item))
        for item in items
    ):
        p.observe(tr("result", "결과"), result)  # plain values: read as a whole, "(1, 3)"
        return
    many = len(items) > 1 or _TYPE(result) in (tuple, list)
    for i, item in enumerate(items):
        at = ".".join(str(n) for n in (*where, i))
        label = tr(f"result item {at}", f"결과의 {at}번 항목") if many else tr("result", "결과")
        if _TYPE(item) in (tuple, list) and any(isinstance(v, _TENSOR) for v in item):
            _observe_items(p, item, atol, rtol, (*where, i))
        elif isinstance(item, _TENSOR):
            p.tensor(label, item, atol=atol, rtol=rtol)
        elif _TYPE(item) is float:
            p.close(label, item, atol=atol, rtol=rtol)
        elif isinstance(item, _MODULE):
            continue
        else:
            p.observe(label, item)


def _module_after(p: Probe, name: str, module: Any, after: list[str]) -> None:
    """What the contract compares of a module after the call (``after:``)."""
    if "mode" in after:
        p.observe(
            tr(f"{name}.training after the call", f"호출 뒤의 {name}.training"), module.training
        )
    params = p.parameters(module)  # the modules' own tables, not the object's methods
    if "requires_grad" in after:
        p.observe(
            tr(
                f"which of {name}'s parameters require grad after the call",
                f"호출 뒤 {name}의 파라미터별 requires_grad",
            ),
            [[path, p.requires_grad(param)] for path, param in params],
        )
    for what in ("parameters", "frozen"):
        if what not in after:
            continue
        chosen = [(path, t) for path, t in params if what == "parameters" or not p.requires_grad(t)]
        label = (
            tr(f"{name}'s parameters after the call", f"호출 뒤 {name}의 파라미터")
            if what == "parameters"
            else tr(
                f"{name}'s frozen parameters after the call (unchanged)",
                f"호출 뒤 {name}의 고정된 파라미터 (바뀌지 않음)",
            )
        )
        p.close(
            label,
            [[path, _sums(t)] for path, t in chosen],
            atol=1e-5,
            rtol=1e-4,
        )


def _sums(tensor: Any) -> list[float]:
    value = tensor.detach().double()
    return [float(value.sum()), float(value.abs().sum())]


def _prepare(p: Probe, contract: dict[str, Any], case: drawn.Case) -> None:
    """Put each given module in the case's state (mode, or gradients already held)."""
    for name, state in case.states.items():
        module = case.values[name]
        if not isinstance(module, _MODULE):
            continue
        if state == "train":
            module.train()
        elif state == "eval":
            module.eval()
        elif state == "grads":
            for _path, param in p.parameters(module):
                if p.requires_grad(param):
                    param.grad = p.randn(*param.shape) * 10


def _arguments(contract: dict[str, Any], case: drawn.Case) -> tuple[list[Any], dict[str, Any]]:
    names = [n for n in contract["args"] if n not in case.omitted]
    if case.call == "keywords":
        return [], {n: case.values[n] for n in names}
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    gap = False
    for n in contract["args"]:
        if n in case.omitted:
            gap = True
        elif gap:
            kwargs[n] = case.values[n]
        else:
            args.append(case.values[n])
    return args, kwargs


def run(
    p: Probe,
    function: Callable[..., Any],
    contract: dict[str, Any],
    given: Callable[[], dict[str, Any]] | None = None,
) -> None:
    """One check per case drawn from ``contract`` (see the module's docstring)."""
    try:
        found = drawn.cases(contract, p.seed ^ zlib.crc32(b"contract"))
    except drawn.ContractError as exc:
        raise ProbeError(str(exc)) from None
    modifies = set(contract.get("effects", {}).get("modifies", []))
    keeps = contract.get("effects", {}).get("keeps", list(STATE_WORDS))
    returns = contract.get("returns", {})
    atol, rtol = float(returns.get("atol", 1e-5)), float(returns.get("rtol", 1e-4))
    counts: dict[str, int] = {c: 0 for c in drawn.declared(contract)}
    for i, case in enumerate(found, 1):
        for c in case.classes:
            counts[c] = counts.get(c, 0) + 1
        title = tr(
            f"allowed input {i}: {case.describe('en')}",
            f"허용된 입력 {i}: {case.describe('ko')}",
        )
        with p.check(title, points=float(contract.get("points", 1))):
            if given is not None:
                with p.seeded(2000 + i):  # the same fresh objects in both runs
                    objects = given()
                for name, value in objects.items():
                    case.values[name] = value
            _prepare(p, contract, case)
            if given is None:  # a function of its inputs alone (seeding costs ~1 ms)
                _one(p, function, contract, case, modifies, keeps, atol, rtol)
                continue
            with p.seeded(1000 + i):  # dropout and fresh layers draw the same in both runs
                _one(p, function, contract, case, modifies, keeps, atol, rtol)
    if p.reference:
        p.exports["coverage"] = {"classes": counts, "effects": drawn.effects(contract)}


def _one(
    p: Probe,
    function: Callable[..., Any],
    contract: dict[str, Any],
    case: drawn.Case,
    modifies: set[str],
    keeps: list[str],
    atol: float,
    rtol: float,
) -> None:
    kept = [n for n in contract["args"] if n not in modifies and n not in case.omitted]
    before = {n: drawn.snapshot(case.values[n]) for n in kept}
    outer = _state()
    # Every case starts from a caller's usual state, whatever an earlier call left behind.
    _restore({**_CALLER, "threads": outer["threads"]})
    if case.entry == "grad-disabled":
        _SET_GRAD_ENABLED(False)
    entered = _state()
    try:
        args, kwargs = _arguments(contract, case)
        result = function(*args, **kwargs)
    finally:
        after = _state()
        _restore(outer)
    _observe_result(p, result, atol, rtol)
    p.observe(
        tr("the arguments the result is (the same object)", "결과와 같은 객체인 인자"),
        [n for n in contract["args"] if n not in case.omitted and result is case.values[n]],
    )
    for n in kept:
        p.observe(
            tr(f"argument {n} after the call", f"호출 뒤의 인자 {n}"),
            "unchanged" if drawn.same(before[n], case.values[n]) else "modified",
            fail=tr(
                f"the function modified its argument {n}; the task says it is left as passed in",
                f"함수가 인자 {n}을(를) 바꾸었습니다. 문제는 {n}을(를) 받은 그대로 두라고 합니다",
            ),
        )
    for n, arg in contract["args"].items():
        if arg.get("after") and isinstance(case.values.get(n), _MODULE):
            _module_after(p, n, case.values[n], list(arg["after"]))
    p.observe(
        tr("global torch settings the call changed", "호출이 바꾼 torch 전역 설정"),
        [k for k in keeps if after[k] != entered[k]],
        fail=tr(
            "the call changed global torch settings and left them so; leave "
            + ", ".join(STATE_WORDS[k][0] for k in keeps)
            + " as the caller had them",
            "호출이 torch 전역 설정을 바꾼 채로 두었습니다. "
            + ", ".join(STATE_WORDS[k][1] for k in keeps)
            + "은(는) 호출한 쪽이 둔 그대로 두어야 합니다",
        ),
    )

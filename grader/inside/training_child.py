"""The sandboxed side of a training run (mode ``train``): build, train, predict, report.

Runs in the child forked by the zygote, after :mod:`grader.inside.child` confined it
and loaded the submission. The conversation (see :mod:`grader.wire.frames`):
``ready`` → ``go`` → ``build_model()`` → ``built`` (module types, parameter
count) → ``train`` (the training split) → ``train(model, x, y)`` → ``trained``
(CPU time, whether the parameters changed and stayed finite) → ``test`` (the
test inputs, never their labels) → ``predicted`` → ``done``.

Seeds are fixed (``random``, ``numpy``, ``torch``: 0) and torch runs on one
thread, so one file trains the same way every time on one machine. It decides
nothing: the judge, in the app's process, holds the test labels.
"""

from __future__ import annotations

import os
import random
from typing import Any

from grader.inside import plain, tracebacks, weights
from grader.inside.training_watch import Watch
from grader.text import Text
from grader.verdict.messages import msg
from grader.wire import arrays, frames

SEED = 0
WATCH = Watch()  # installed before the submission is loaded (grader.inside.child)
_times = os.times  # every system has it (resource does not exist on Windows)
_clock_start = [0.0]
_BUILT, _TRAINED, _PREDICTED, _DONE = frames.built, frames.trained, frames.predicted, frames.done


def _torch_calls() -> tuple[Any, ...]:
    import torch

    base = torch._C.TensorBase.__dict__
    return (
        torch._C.DisableTorchFunction,
        base["clone"],
        base["detach"],
        torch.equal,
        torch.isfinite,
    )


_NO_TORCH_FUNCTION, _CLONE, _DETACH, _EQUAL, _ISFINITE = _torch_calls()


def _cpu_total() -> float:
    t = _times()
    return t.user + t.system + t.children_user + t.children_system


def start_clock() -> None:
    """Count CPU time from now (a portable worker has spent some importing torch already)."""
    _clock_start[0] = _cpu_total()


def cpu_seconds() -> float:
    """CPU time of this process and of the children it waited for (DataLoader workers)."""
    return _cpu_total() - _clock_start[0]


def seed_everything() -> None:
    import numpy
    import torch

    random.seed(SEED)
    numpy.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(1)


_MRO = type.__dict__["__mro__"]
_TYPE_MODULE = type.__dict__["__module__"]
_TYPE_NAME = type.__dict__["__name__"]


def module_types(model: Any) -> list[str]:
    """The real ``torch.nn`` classes the model's modules are (or derive from), by name.

    Modules are found through their ``_modules`` dicts and classes by identity, so neither an
    overridden ``modules()`` nor a class that only calls itself ``nn.Conv2d`` changes them."""
    names: set[str] = set()
    for module in weights.modules(model):
        for cls in _MRO.__get__(type(module)):
            where = _TYPE_MODULE.__get__(cls)
            if type(where) is str and where.startswith("torch.nn.") and plain.genuine(cls):
                names.add(str(_TYPE_NAME.__get__(cls)))
    return sorted(names)


def _snapshot(model: Any) -> list[Any]:
    """Copies of the model's parameters, read past any override (see :func:`weights.walk`)."""
    with _NO_TORCH_FUNCTION():
        return [_CLONE(_DETACH(t)) for _path, t in weights.parameters(model)]


def _changed_and_finite(model: Any, before: list[Any]) -> tuple[bool, bool]:
    with _NO_TORCH_FUNCTION():
        after = [_DETACH(t) for _path, t in weights.parameters(model)]
        changed = len(after) != len(before) or any(
            not _EQUAL(b, a) for b, a in zip(before, after, strict=False)
        )
        finite = all(bool(_ISFINITE(a).all()) for a in after)
    return changed, finite


def _class_numbers(value: Any, count: int) -> tuple[list[int] | None, Text | None]:
    """``predict``'s result as a list of ints, or why it is not one."""
    import torch

    if not isinstance(value, torch.Tensor):
        return None, msg("train_predict_not_tensor", kind=type(value).__name__)
    if value.dim() != 1 or value.shape[0] != count:
        return None, msg("train_predict_shape", shape=tuple(value.shape), count=count)
    if value.is_floating_point() or value.is_complex():
        return None, msg("train_predict_float", dtype=str(value.dtype))
    return [int(v) for v in value.tolist()], None


def _values(value: Any, count: int) -> tuple[list[float | None] | None, Text | None]:
    """``predict``'s result as a list of floats (None for nan/inf), or why it is not one."""
    import math

    import torch

    if not isinstance(value, torch.Tensor):
        return None, msg("train_predict_not_numbers", kind=type(value).__name__)
    if tuple(value.shape) not in ((count,), (count, 1)) or value.is_complex():
        return None, msg("train_predict_values_shape", shape=tuple(value.shape), count=count)
    numbers = [float(v) for v in value.detach().reshape(-1).double().tolist()]
    return [v if math.isfinite(v) else None for v in numbers], None


def run(module: dict[str, Any], channel: Any, memory_mb: int) -> None:
    """Conduct the run with the loaded submission's namespace ``module``."""
    import torch

    for name in ("build_model", "train"):
        if not callable(module.get(name)):
            channel.send(frames.load_error(msg("not_defined", name=name)))
            return
    go = frames.await_go(channel)
    if go is None:
        return
    nonce = go.get("nonce")
    fatal: Text | None = None
    fault: dict[str, Any] | None = None
    try:
        fatal = _conduct(module, channel, nonce, torch)
    except BaseException as exc:
        fatal = tracebacks.describe(exc, memory_mb)
        from grader.inside import layertrace  # torch: imported in the sandbox only

        fault = layertrace.fault(exc)
    channel.send(
        _DONE(
            nonce,
            exports={},
            stopped_by=None,
            fatal=fatal,
            memory_hit=False,
            watch=WATCH.report(),
            fault=fault,
        )
    )


def _conduct(module: dict[str, Any], channel: Any, nonce: Any, torch: Any) -> Text | None:
    seed_everything()
    start = cpu_seconds()
    model = module["build_model"]()
    if not isinstance(model, torch.nn.Module):
        return msg("train_not_a_module", kind=type(model).__name__)
    parameters = weights.parameter_count(model)
    channel.send(_BUILT(nonce, modules=module_types(model), parameters=parameters))
    order = channel.receive()
    if order is None or frames.type_of(order) != frames.TRAIN:
        return None  # stopped: the model lacks a required module
    x = torch.from_numpy(arrays.decode(order["x"]))
    y = torch.from_numpy(arrays.decode(order["y"]))
    regression = y.is_floating_point()  # values to predict (prices), not class numbers
    del order
    before = _snapshot(model)
    WATCH.watch_first_layer(model)
    try:
        module["train"](model, x, y)
    except Exception as exc:
        _retrace(module, x, y, exc, cpu_seconds() - start)
        raise
    WATCH.phase = "test"
    cpu_s = cpu_seconds() - start
    changed, finite = _changed_and_finite(model, before)
    channel.send(_TRAINED(nonce, cpu_s=round(cpu_s, 3), changed=changed, finite=finite))
    order = channel.receive()
    if order is None or frames.type_of(order) != frames.TEST:
        return None
    x_test = torch.from_numpy(arrays.decode(order["x"]))
    model.eval()
    predict = module.get("predict")
    WATCH.predict = callable(predict)

    def guess_for(inputs: Any) -> Any:
        with torch.no_grad():
            if callable(predict):
                return predict(model, inputs)
            output = model(inputs)
            if regression:
                return output.reshape(-1)
            if isinstance(output, torch.Tensor) and output.dim() == 2:
                WATCH.columns = int(output.shape[1])
            return output.argmax(dim=1)

    guess = guess_for(x_test)
    numbers: list[Any] | None
    if regression:
        numbers, problem = _values(guess, int(x_test.shape[0]))
    else:
        numbers, problem = _class_numbers(guess, int(x_test.shape[0]))
    if numbers is None:
        return problem
    channel.send(_PREDICTED(nonce, numbers))
    if not regression:
        _order_check(x_test, numbers, guess_for, torch)
    return None


RETRACE_S = 3.0  # CPU seconds: a failure later than this is not run again (budgets are ≥ 30 s)
_RETRACED = (RuntimeError, ValueError, IndexError, TypeError)


def _retrace(module: dict[str, Any], x: Any, y: Any, exc: Exception, spent_s: float) -> None:
    """Run a quickly failing training once more with the layer trace on, so the fault sent
    with ``done`` names the layer (:mod:`grader.verdict.explain`), as in a graded run.

    The trace costs about a third of a training loop's time, so it is off until a run fails:
    shape errors fail in the first forward, and a fresh model with the same seeds fails there
    again. When the second run does not fail with the same error, the trace is dropped and
    the fault is sent without layers, as before."""
    if not isinstance(exc, _RETRACED) or spent_s > RETRACE_S:
        return
    from grader.inside import layertrace  # torch: imported in the sandbox only

    layertrace.TRACER.install()
    layertrace.TRACER.reset()
    same = False
    try:
        seed_everything()
        module["train"](module["build_model"](), x, y)
    except Exception as again:
        same = type(again) is type(exc) and str(again) == str(exc)
    if not same:
        layertrace.TRACER.reset()


def _order_check(x_test: Any, numbers: list[Any], guess_for: Any, torch: Any) -> None:
    """For sequences of token ids: how many predictions stay the same when the order of the
    steps is shuffled (a model that ignores order keeps them all)."""
    if x_test.dim() != 2 or x_test.is_floating_point() or x_test.shape[1] < 4:
        return
    steps = int(x_test.shape[1])
    generator = torch.Generator().manual_seed(7)
    half = steps // 2
    orders = {
        "order_agreement": torch.randperm(steps, generator=generator),  # every step
        "tail_agreement": torch.cat(  # only the last half, where left-padded tokens sit
            [torch.arange(half), half + torch.randperm(steps - half, generator=generator)]
        ),
    }
    for key, order in orders.items():
        try:
            again, _problem = _class_numbers(guess_for(x_test[:, order]), len(numbers))
        except Exception:
            return
        if again is not None:
            same = sum(int(a == b) for a, b in zip(again, numbers, strict=True))
            setattr(WATCH, key, round(same / max(1, len(numbers)), 4))
